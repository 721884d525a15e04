/**
 * The question bank's schema, one per file in questions/. Field names are
 * snake_case in YAML; src/bank/load-bank.ts maps them to the engine's types.
 */
// A namespace import, so that the bundle keeps only the parts of zod used (`import {z}` keeps every locale).
import * as z from 'zod';
import {COMBINE_DEFAULTS, HANDOFF_FIELDS, type HandoffField} from '../engine/types.js';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case letters, digits and underscores');
const text = z.string().trim().min(1);
const weight = z.number().positive().max(100);
/** Every number of the scoring is finite and bounded, so no sum of them overflows (the largest score is 500 axes x 100 x 100). */
const SCALE_POINT = 100;
const MAX_POINTS = 1_000_000;
const scalePoint = z.number().min(-SCALE_POINT).max(SCALE_POINT);
const points = z.number().min(-MAX_POINTS).max(MAX_POINTS);
const nonNegativePoints = z.number().min(0).max(MAX_POINTS);

/** Names every JavaScript object already has: an id named so would read as the object's own field. */
export const RESERVED_IDS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

const direction = z.enum(['manage-in-place', 'remediation-sprint']);
const scaleNumber = z.number().int().min(1).max(5);

/** One condition of a consistency rule (src/engine/types.ts, Condition). */
const condition = z.union([
  z.object({axis: id, at_least: scaleNumber.optional(), at_most: scaleNumber.optional()}).strict(),
  z.object({signal: id}).strict(),
  z.object({disqualifier: id, applies: z.boolean()}).strict(),
  z.object({checklists: direction, matrix: direction}).strict(),
]);

/** What every step of an action plan carries: owner role, deliverable, time box, exit criterion, whether it needs budget. */
const planFields = {
  owner: text.max(120),
  deliverable: text,
  weeks: z.number().int().min(1).max(52),
  exit: text,
  needs_budget: z.boolean(),
};

const planStep = z.object({id, title: text, summary: text, ...planFields}).strict();

/** `combine:` (issue 14, --combine): optional, and each field has its default (COMBINE_DEFAULTS). */
const C = COMBINE_DEFAULTS;
const combineSection = z
  .object({
    axis: z.enum(['median-of-known', 'mean-of-known']).default(C.axis),
    certainty: z.enum(['weakest', 'strongest']).default(C.certainty),
    signal: z.enum(['any', 'majority', 'all']).default(C.signal),
    disqualifier: z.enum(['any', 'majority', 'all']).default(C.disqualifier),
    disagreement_at: z.number().int().min(1).max(4).default(C.disagreementAt),
    confidence_levels: z.number().int().min(0).max(2).default(C.confidenceLevels),
    baseline_spread: z.number().min(1).max(1000).default(C.baselineSpread),
    questions: z
      .object({axis: text.default(C.questions.axis), signal: text.default(C.questions.signal), disqualifier: text.default(C.questions.disqualifier)})
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export const bankFileSchema = z
  .object({
    name: text,
    version: z.union([z.string(), z.number()]).transform(String),
    title: text,
    description: z.string().default(''),
    scoring: z
      .object({
        scale_points: z
          .object({1: scalePoint, 2: scalePoint, 3: scalePoint, 4: scalePoint, 5: scalePoint})
          .strict(),
        remediation_at: points,
        near_threshold: nonNegativePoints,
        unknown_share_medium: z.number().min(0).max(1),
        unknown_share_low: z.number().min(0).max(1),
        disagreement_points: nonNegativePoints,
        /** Compared with an axis weight, which is at most 100. */
        estimated_weight_at: z.number().min(0).max(100),
        // Issue 10; defaults keep a bank written before it loading.
        insufficient_evidence_at: z.number().min(0).max(1).default(0.5),
        estimated_heavy_low: z.number().int().min(1).max(500).default(2),
        estimated_share_low: z.number().min(0).max(1).default(0.5),
        contradiction_levels: z.number().int().min(0).max(2).default(1),
        counter_evidence_at: nonNegativePoints.default(4),
      })
      .strict(),
    path: z
      .array(
        z
          .object({
            id: z.enum(['map', 'boundaries', 'sprint', 'monitor']),
            title: text,
            summary: text,
            light_summary: text.optional(),
            light_title: text.optional(),
            ...planFields,
          })
          .strict(),
      )
      .length(4),
    plans: z
      .object({
        manage_in_place: z.array(planStep).min(1).max(10),
        insufficient_evidence: z.array(planStep).min(1).max(10),
        not_yet_qualified: z.array(planStep).min(1).max(10),
      })
      .strict(),
    handoff_map: z
      .object({
        title: text,
        prompt: text,
        why: text,
        max: z.number().int().min(1).max(12).default(12),
        fields: z.object(Object.fromEntries(HANDOFF_FIELDS.map((f) => [f, text])) as Record<HandoffField, typeof text>).strict(),
      })
      .strict()
      .optional(),
    combine: combineSection,
    // Issue 14: how --portfolio ranks the workflows of one organisation. Optional: defaults in src/engine/portfolio.ts.
    portfolio: z
      .object({
        order: z
          .array(z.enum(['verdict', 'margin', 'heavy_axes', 'confidence', 'failures']))
          .min(1)
          .max(5)
          .refine((keys) => new Set(keys).size === keys.length, 'each key at most once'),
        verdicts: z
          .array(z.enum(['remediation-sprint', 'not-yet-qualified', 'insufficient-evidence', 'manage-in-place']))
          .length(4)
          .refine((v) => new Set(v).size === 4, 'each of the four verdicts once'),
        heavy_weight_at: z.number().min(0).max(100),
        heavy_answer_at: scaleNumber,
        failures_axis: id.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const consistencyFileSchema = z
  .object({
    rules: z
      .array(
        z
          .object({
            id,
            when: z.array(condition).min(1).max(10),
            text,
            question: text,
            settle: text,
          })
          .strict(),
      )
      .max(100),
  })
  .strict();

export const contextFileSchema = z
  .object({
    questions: z
      .array(
        z
          .object({
            id,
            kind: z.enum(['text', 'list', 'choice']),
            prompt: text,
            /** A short name for the review and the report's notes, e.g. "Organisation"; default: from the id. */
            label: text.max(60).optional(),
            why: text,
            placeholder: z.string().optional(),
            required: z.boolean().default(false),
            max_length: z.number().int().positive().max(10000).default(200),
            choices: z.array(z.object({value: text, label: text}).strict()).min(2).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const matrixFileSchema = z
  .object({
    axes: z
      .array(
        z
          .object({
            id,
            title: text,
            prompt: text,
            manage_in_place: text,
            remediation_sprint: text,
            why: text,
            weight,
            failure_class: text,
            focus: text,
            recovery: text,
            evidence: text,
            baseline: z
              .object({
                kind: z.enum(['number', 'change']),
                prompt: text,
                unit: text.max(60),
                unit_one: text.max(60).optional(),
                before_label: text.max(60).optional(),
                target: z.number().min(0).max(1),
                within_weeks: z.number().int().min(1).max(52),
                trigger: z.number().min(1).max(100),
                trigger_floor: z.number().min(0).max(MAX_POINTS),
                measure: text,
                source: text,
              })
              .strict()
              .optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

const signal = z
  .object({id, text, why: text, weight, failure_class: text.optional()})
  .strict();

export const signalsFileSchema = z
  .object({
    manage_in_place: z.array(signal).min(1).max(200),
    remediation_sprint: z.array(signal).min(1).max(200),
  })
  .strict();

export const disqualifiersFileSchema = z
  .object({
    disqualifiers: z
      .array(
        z
          .object({
            id,
            title: text,
            prompt: text,
            explanation: text,
            /** Why this matters, shown on request; default: the explanation. */
            why: text.optional(),
            resolves: text,
            prepare: text,
            /** The answer to the prompt that means it applies: yes (the default, as banks before issue 10 asked) or no. */
            applies_when: z.enum(['yes', 'no']).default('yes'),
            owner: text.max(120).default('The executive sponsor'),
            weeks: z.number().int().min(1).max(52).default(2),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

/** Examples shown in messages, by field name. */
export const bankExamples: Record<string, string> = {
  weight: 'weight: 2',
  id: 'id: failure_frequency',
  name: 'name: handoff-assess-core',
  version: 'version: 1.0.0',
  title: 'title: Failure frequency',
  remediation_at: 'remediation_at: 4',
  near_threshold: 'near_threshold: 5',
  kind: 'kind: text',
  max_length: 'max_length: 120',
  scale_points: 'scale_points: {1: -2, 2: -1, 3: 0, 4: 1, 5: 2}',
  disagreement_points: 'disagreement_points: 4',
  estimated_weight_at: 'estimated_weight_at: 3',
  insufficient_evidence_at: 'insufficient_evidence_at: 0.5',
  owner: 'owner: Operations lead',
  weeks: 'weeks: 2',
  exit: 'exit: Every handoff is in the register by the end of week {weeks}.',
  deliverable: 'deliverable: A handoff register',
  needs_budget: 'needs_budget: false',
  plans: 'plans: {manage_in_place: [...], insufficient_evidence: [...], not_yet_qualified: [...]}',
  applies_when: 'applies_when: no',
  combine: 'combine: {axis: median-of-known, certainty: weakest, signal: majority, disqualifier: any, disagreement_at: 2}',
  disagreement_at: 'disagreement_at: 2',
  confidence_levels: 'confidence_levels: 1',
  baseline_spread: 'baseline_spread: 2',
  portfolio: 'portfolio: {order: [verdict, margin, heavy_axes, confidence, failures], verdicts: [...], heavy_weight_at: 3, heavy_answer_at: 4}',
  order: 'order: [verdict, margin, heavy_axes, confidence, failures]',
  verdicts: 'verdicts: [remediation-sprint, not-yet-qualified, insufficient-evidence, manage-in-place]',
  1: 'scale_points: {1: -2, 2: -1, 3: 0, 4: 1, 5: 2}',
  2: 'scale_points: {1: -2, 2: -1, 3: 0, 4: 1, 5: 2}',
  3: 'scale_points: {1: -2, 2: -1, 3: 0, 4: 1, 5: 2}',
  4: 'scale_points: {1: -2, 2: -1, 3: 0, 4: 1, 5: 2}',
  5: 'scale_points: {1: -2, 2: -1, 3: 0, 4: 1, 5: 2}',
};

/** The context questions the engine and the report rely on. */
export const REQUIRED_CONTEXT = ['organisation', 'role', 'workflow', 'systems'] as const;
