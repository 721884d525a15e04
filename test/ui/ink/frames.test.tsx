/**
 * What the screens look like, as text (NO_COLOR), on a fixture bank whose
 * wording does not change with the real question bank. Snapshots sit beside
 * assertions of the behaviour they show.
 */
import {afterEach, describe, expect, it} from '@jest/globals';
import {cleanup} from 'ink-testing-library';
import {buildSteps, startInterview} from '../../../src/engine/interview.js';
import type {Bank} from '../../../src/engine/types.js';
import {KEY, mount, realBank} from './helpers.js';

afterEach(() => cleanup());

const real = realBank();
const bank: Bank = {
  ...real,
  meta: {...real.meta, title: 'Fixture assessment', description: 'Decides something, for the tests.'},
  axes: real.axes.map((a, i) => ({
    ...a,
    title: `Axis ${i + 1}`,
    prompt: `How is axis ${i + 1}?`,
    manageInPlace: 'The left pole: things are fine and stay fine.',
    remediationSprint: 'The right pole: things break every week and customers notice it.',
    why: `Axis ${i + 1} matters because it does.`,
  })),
  disqualifiers: real.disqualifiers.map((d, i) => ({...d, title: `Disqualifier ${i + 1}`, prompt: `Does disqualifier ${i + 1} apply?`, explanation: 'One line.'})),
};
const steps = buildSteps(bank);

describe('frames', () => {
  it('the welcome screen', async () => {
    const w = await mount({bank});
    const frame = await w.waitForFrame('Press enter to start.');
    expect(frame).toContain('Welcome');
    expect(frame).toContain('0/17');
    expect(frame).toMatchSnapshot();
  });

  it('a matrix axis with "why this matters" and a note', async () => {
    const w = await mount({bank, initial: {...startInterview(bank), index: steps.findIndex((s) => s.id === bank.axes[1]!.id)}});
    await w.press(KEY.enter, KEY.down, KEY.down, KEY.down, KEY.down, '?', 'n', ...'Two teams', KEY.enter);
    const frame = await w.waitForFrame('✎ Note: Two teams');
    expect(frame).toContain('Decision matrix · 2 of 5');
    expect(frame).toMatch(/❯ 4 Leans toward remediation sprint/);
    expect(frame).toContain('Why this matters: Axis 2 matters because it does.');
    expect(frame).toMatchSnapshot();
  });

  it('the review, scrolled to its end', async () => {
    const w = await mount({bank, initial: {...startInterview(bank), index: steps.length}});
    await w.press(KEY.enter);
    const frame = await w.waitForFrame('❯ See the result');
    expect(frame).toContain('17 questions are not answered yet.');
    expect(frame).toMatchSnapshot();
  });
});
