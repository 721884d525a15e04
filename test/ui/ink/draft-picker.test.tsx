/** The wizard's resume pick (several saved interviews): enter continues one; r starts another respondent on its workflow (issue 14). */
import {afterEach, describe, expect, it} from '@jest/globals';
import {cleanup, render} from 'ink-testing-library';
import type {PickedDraft} from '../../../src/session/resume-pick.js';
import {DraftPicker} from '../../../src/ui/ink/DraftPicker.js';
import {KEY, settle, waitFor} from './helpers.js';

afterEach(() => cleanup());

const pick = {
  choices: [
    {id: 'otc-priya', path: '/state/drafts/otc-priya.yaml', label: 'Harbour & Pine Outfitters, Order to cash, saved 2 hours ago (17 of 17 answered)'},
    {id: 'returns-sam', path: '/state/drafts/returns-sam.yaml', label: 'Harbour & Pine Outfitters, Returns, saved yesterday (9 of 17 answered)'},
  ],
  more: 0,
};

/** The keys as the picker is given them; `together`: written one after another without waiting, as a fast typist or a paste sends them. */
async function picked(...keys: string[]): Promise<PickedDraft | undefined> {
  return pickedWith(false, keys);
}

async function pickedWith(together: boolean, keys: string[]): Promise<PickedDraft | undefined> {
  let result: PickedDraft | undefined | 'none' = 'none';
  const app = render(<DraftPicker pick={pick} listCommand="handoff-assess drafts" onDone={(p) => (result = p)} />);
  const stdin = app.stdin as unknown as NodeJS.EventEmitter & {write(s: string): void};
  await waitFor(() => stdin.listenerCount('readable') > 0, () => app.lastFrame() ?? '');
  expect(app.lastFrame()).toContain('r another respondent on its workflow');
  for (const key of keys) {
    stdin.write(key);
    if (!together) await settle();
  }
  await waitFor(() => result !== 'none', () => app.lastFrame() ?? '');
  return result === 'none' ? undefined : result;
}

describe('the resume pick', () => {
  it('enter continues the highlighted interview', async () => {
    expect(await picked(KEY.down, KEY.enter)).toEqual({path: '/state/drafts/returns-sam.yaml', as: 'resume'});
  });

  it('down and enter arriving together continue the interview moved to, not the first one', async () => {
    expect(await pickedWith(true, [KEY.down, KEY.enter])).toEqual({path: '/state/drafts/returns-sam.yaml', as: 'resume'});
    expect(await pickedWith(true, [KEY.down, KEY.down, KEY.down, 'r'])).toEqual({path: '/state/drafts/returns-sam.yaml', as: 'respondent'});
  });

  it('an enter typed before raw mode (a line feed) continues the highlighted interview', async () => {
    expect(await picked('\n')).toEqual({path: '/state/drafts/otc-priya.yaml', as: 'resume'});
  });

  it('r starts another respondent on the highlighted interview’s workflow', async () => {
    expect(await picked(KEY.down, 'r')).toEqual({path: '/state/drafts/returns-sam.yaml', as: 'respondent'});
  });
});
