/**
 * `prepare`: builds dist/ (scripts/build.mjs). npm runs it after `npm install` /
 * `npm ci` in a checkout, before `npm pack`, and when it installs the package from
 * git (`npm install -g git+https://...`, `npx --package=git+...`): there it is
 * documented to install the devDependencies first, which the build needs (esbuild
 * and the packages it bundles).
 *
 * A global install from git does not (npm/cli#8440, open): npm runs the clone's
 * install with the outer command's global settings, so nothing lands in the
 * clone's node_modules and the build cannot find esbuild. Then this installs the
 * locked devDependencies into the clone itself (`npm ci`, without scripts: the build
 * needs none) before it builds; so does `npm install -g .` from an unbuilt checkout,
 * which npm links without installing its devDependencies. A checkout that has them
 * (the usual case) builds at once; a local install without them (--omit=dev) is told
 * what is missing.
 *
 * The same bug makes that clone's install a global one: it links the clone into the
 * global folder (<prefix>/lib/node_modules/handoff-assess -> the temporary clone), and
 * the outer install then writes the package through that link into the clone, which
 * npm deletes: a dangling link and no command (what `npm install -g git+...` gave before).
 * So a global prepare in such a clone replaces a link there that points at this checkout by a real
 * folder holding only package.json (the clone's install goes on there); the outer
 * install then extracts the package into that folder.
 */
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, lstatSync, mkdirSync, realpathSync, unlinkSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function canBuild() {
  try {
    createRequire(join(root, 'package.json')).resolve('esbuild');
    return existsSync(join(root, 'node_modules', 'ink', 'package.json'));
  } catch {
    return false;
  }
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, {cwd: root, stdio: 'inherit', env});
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The global link to this checkout that the clone's global install made, replaced by a folder. */
function unlinkGlobalLinkToHere() {
  const prefix = process.env.npm_config_prefix;
  if (!/^true$/i.test(process.env.npm_config_global ?? '') || !prefix) return;
  // Only npm's temporary clone of a git install (<cache>/_cacache/tmp/git-cloneXXXX); `npm install -g .` links a
  // checkout on purpose.
  if (!/[\\/]_cacache[\\/]tmp[\\/]git-clone[^\\/]*[\\/]?$/.test(realpathSync(root))) return;
  for (const link of [join(prefix, 'lib', 'node_modules', 'handoff-assess'), join(prefix, 'node_modules', 'handoff-assess')]) {
    try {
      if (lstatSync(link).isSymbolicLink() && realpathSync(link) === realpathSync(root)) {
        unlinkSync(link);
        mkdirSync(link);
        copyFileSync(join(root, 'package.json'), join(link, 'package.json'));
      }
    } catch {
      // not there: nothing to undo
    }
  }
}

unlinkGlobalLinkToHere();
if (!canBuild()) {
  if (!/^true$/i.test(process.env.npm_config_global ?? '')) {
    // A checkout installed without its devDependencies (--omit=dev, NODE_ENV=production): say so rather than install them behind the user's back.
    console.error('handoff-assess: building dist/ needs the devDependencies (esbuild and the packages it bundles); install them (npm install with no --omit=dev and NODE_ENV not production), then build (npm run build).');
    process.exit(1);
  }
  // The global settings of the outer install must not reach this one: it installs here.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|location|prefix)$/i.test(key)));
  console.error('handoff-assess: installing the build tools (devDependencies) in this checkout to build dist/');
  const npm = process.env.npm_execpath;
  const [command, args] = npm && /\.c?js$/.test(npm) ? [process.execPath, [npm]] : ['npm', []];
  run(command, [...args, 'ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], env);
}
run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
