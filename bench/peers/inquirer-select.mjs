// Peer: a bare @inquirer/prompts select, timed to its first prompt (bench/run.mjs then sends Ctrl-C).
import {select} from '@inquirer/prompts';

await select({message: 'bench: pick one', choices: [{value: 'manage in place'}, {value: 'remediation sprint'}, {value: 'not yet'}]});
