/** Shared test helpers: the real bank and a compact way to write answer profiles. */
import {loadBankDir} from '../../src/bank/load-bank.js';
import type {Answers, AxisAnswer, Bank, Certainty} from '../../src/engine/types.js';

export function realBank(): Bank {
  const load = loadBankDir();
  if (!load.bank) throw new Error(`the bundled bank did not load:\n${load.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`);
  return load.bank;
}

export const AXES = ['failure_frequency', 'reconciliation_load', 'exception_visibility', 'lead_time_impact', 'operational_confidence'] as const;
export const MANAGE = ['lightweight_controls', 'no_downstream_errors', 'clear_ownership', 'volume_not_amplifying'];
export const REMEDIATE = ['recurring_sync_failures', 'fragmented_status', 'workarounds_outpacing', 'unforecastable_delivery'];
export const DISQUALIFIERS = ['no_tradeoff_owner', 'no_budget_path', 'broad_redesign_expected', 'exploratory_no_pain'];

export interface ProfileSpec {
  /** Five answers in AXES order, or a map. */
  matrix?: AxisAnswer[] | Partial<Record<(typeof AXES)[number], AxisAnswer>>;
  manage?: string[];
  remediate?: string[];
  disqualified?: string[];
  certainty?: Record<string, Certainty>;
}

/** A complete answers file: every disqualifier answered (false unless listed). */
export function profile(spec: ProfileSpec): Answers {
  const matrix: Record<string, AxisAnswer> = {};
  if (Array.isArray(spec.matrix)) spec.matrix.forEach((v, i) => (matrix[AXES[i]!] = v));
  else Object.assign(matrix, spec.matrix ?? {});
  return {
    version: 1,
    context: {organisation: 'Acme Ltd', role: 'consultant', workflow: 'Order to cash', systems: ['HubSpot', 'NetSuite']},
    matrix,
    signals: {manage_in_place: spec.manage ?? [], remediation_sprint: spec.remediate ?? []},
    disqualifiers: Object.fromEntries(DISQUALIFIERS.map((d) => [d, spec.disqualified?.includes(d) ?? false])),
    notes: {},
    certainty: spec.certainty ?? {},
  };
}

/** A tiny seeded PRNG (mulberry32), so generated profiles are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random profile: each axis 1..5 or unknown, each signal observed or not, disqualifiers rarely. */
export function randomProfile(rand: () => number, disqualifierChance = 0.1): Answers {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const matrix = AXES.map(() => pick<AxisAnswer>([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 'unknown']));
  return profile({
    matrix,
    manage: MANAGE.filter(() => rand() < 0.4),
    remediate: REMEDIATE.filter(() => rand() < 0.4),
    disqualified: DISQUALIFIERS.filter(() => rand() < disqualifierChance),
  });
}
