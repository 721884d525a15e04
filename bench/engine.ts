/**
 * The engine alone: score() (which includes the flips) and findFlips() on the
 * bundled bank with examples/acme.yaml, and on generated banks of 50 to 400
 * questions (axes and signals, answered at random, most far enough from the
 * threshold that several changes are needed: the multi-change branch). Each
 * case: 5 warm-up calls, then the median of 25. bench/run.mjs bundles this file
 * and runs it in a fresh node process; it prints one JSON object.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {parseAnswers} from '../src/answers/parse-answers.js';
import {loadBankDir} from '../src/bank/load-bank.js';
import {findFlips} from '../src/engine/flips.js';
import {score} from '../src/engine/score.js';
import {emptyAnswers, type Answers, type AxisAnswer, type Bank} from '../src/engine/types.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const round = (n: number) => Math.round(n * 1000) / 1000;

function time(fn: () => unknown, warm = 5, runs = 25): number {
  for (let i = 0; i < warm; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A deterministic generator, so that every run times the same banks and answers. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The bundled bank with its axes and signals replaced by `questions` generated ones (3 axes to 1 signal). */
function generatedBank(base: Bank, questions: number, rand: () => number): Bank {
  const axisCount = Math.round(questions * 0.75);
  const template = base.axes[0]!;
  const signalTemplate = base.signals[0]!;
  const axes = Array.from({length: axisCount}, (_, i) => ({...template, id: `axis_${i}`, title: `Axis ${i}`, weight: Math.round((0.5 + rand() * 2.5) * 10) / 10}));
  const signals = Array.from({length: questions - axisCount}, (_, i) => ({
    ...signalTemplate,
    id: `signal_${i}`,
    text: `Signal ${i} is observed.`,
    list: i % 2 === 0 ? ('remediation_sprint' as const) : ('manage_in_place' as const),
    weight: 1 + Math.floor(rand() * 3),
  }));
  return {...base, axes, signals};
}

function randomAnswers(bank: Bank, rand: () => number): Answers {
  const answers = emptyAnswers();
  const values: AxisAnswer[] = [1, 2, 3, 4, 5, 'unknown'];
  for (const axis of bank.axes) answers.matrix[axis.id] = values[Math.floor(rand() * values.length)]!;
  answers.signals = {manage_in_place: [], remediation_sprint: []};
  for (const signal of bank.signals) if (rand() < 0.4) answers.signals[signal.list]!.push(signal.id);
  for (const d of bank.disqualifiers) answers.disqualifiers[d.id] = false;
  return answers;
}

function main(): void {
  const root = process.argv[2] ?? process.cwd();
  const {bank} = loadBankDir(join(root, 'questions'));
  if (!bank) throw new Error('engine: the question bank does not load');
  const acme = parseAnswers('examples/acme.yaml', readFileSync(join(root, 'examples', 'acme.yaml'), 'utf8'), bank).answers;
  if (!acme) throw new Error('engine: examples/acme.yaml does not parse');

  const bundled = {questions: bank.axes.length + bank.signals.length, scoreMs: round(time(() => score(bank, acme))), flipsMs: round(time(() => findFlips(bank, acme)))};

  // Generated banks: 20 answer sets each; the median over sets and the slowest set.
  const generated = [50, 100, 200, 400].map((questions) => {
    const rand = random(questions);
    const big = generatedBank(bank, questions, rand);
    const sets = Array.from({length: 20}, () => randomAnswers(big, rand));
    const flips = sets.map((answers) => time(() => findFlips(big, answers), 3, 11));
    const scores = sets.map((answers) => time(() => score(big, answers), 3, 11));
    const changes = sets.map((answers) => Math.max(0, ...findFlips(big, answers).filter((f) => f.kind === 'score').map((f) => f.changes.length)));
    return {
      questions,
      options: big.axes.length * 5 + big.signals.length,
      flipsMs: round(median(flips)),
      flipsWorstMs: round(Math.max(...flips)),
      scoreMs: round(median(scores)),
      scoreWorstMs: round(Math.max(...scores)),
      changesNeeded: {median: median(changes), max: Math.max(...changes)},
    };
  });
  // The multi-change branch at its cap: 200 questions, every axis at the middle (two moves toward a
  // remediation sprint each), the threshold set so that 14 axes must move: 2^14 = 16,384 combinations
  // of moves among the chosen questions (the cap is 20,000), each checked.
  const rand = random(7);
  const flat = generatedBank(bank, 200, rand);
  const weights = {...flat, axes: flat.axes.map((a) => ({...a, weight: 1})), signals: flat.signals.map((s) => ({...s, weight: 1}))};
  const top = Math.max(...Object.values(bank.scoring.scalePoints));
  const needed = 14;
  const capped: Bank = {...weights, scoring: {...weights.scoring, remediationAt: top * (needed - 1) + 1}};
  const middle = emptyAnswers();
  for (const axis of capped.axes) middle.matrix[axis.id] = 3;
  middle.signals = {manage_in_place: [], remediation_sprint: []};
  const worst = findFlips(capped, middle).find((f) => f.kind === 'score');
  const worstCase = {questions: 200, changes: worst?.changes.length ?? 0, combinations: 2 ** needed, flipsMs: round(time(() => findFlips(capped, middle), 2, 9))};

  process.stdout.write(`${JSON.stringify({bundled, generated, worstCase})}\n`);
}

main();
