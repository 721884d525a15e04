/** The pure rules of issue 10's two interview parts: a typed baseline figure, and the handoff form's fields. */
import {describe, expect, it} from '@jest/globals';
import {asksFigure, describeFigure, figureHint, figureOf, figureText, parseFigure, setFigure} from '../../src/engine/baseline.js';
import {completeHandoff, describeHandoffs, fieldText, formFields, parseField, summarizeHandoff, withField} from '../../src/engine/handoff-form.js';
import {emptyAnswers, type BaselineSpec} from '../../src/engine/types.js';
import {loadBankDir} from '../../src/bank/load-bank.js';

const bank = loadBankDir().bank!;
const spec = (id: string): BaselineSpec => bank.axes.find((a) => a.id === id)!.baseline!;
const failures = spec('failure_frequency');
const cycle = spec('lead_time_impact');

describe('a baseline figure as typed', () => {
  it('one number: whole, decimal or grouped; blank skips, "-" clears', () => {
    expect(parseFigure(failures, '14')).toEqual({kind: 'figure', value: 14});
    expect(parseFigure(spec('reconciliation_load'), ' 7.5 ')).toEqual({kind: 'figure', value: 7.5});
    expect(parseFigure(failures, '1,200')).toEqual({kind: 'figure', value: 1200});
    expect(parseFigure(failures, '0')).toEqual({kind: 'figure', value: 0});
    expect(parseFigure(failures, '   ')).toEqual({kind: 'skip'});
    expect(parseFigure(failures, '-')).toEqual({kind: 'clear'});
  });

  it('refuses what is not one number from 0 to 1,000,000, saying what is allowed', () => {
    for (const bad of ['-3', 'lots', '14 failures', '6, 2', '1e3']) {
      const parsed = parseFigure(failures, bad);
      expect(parsed.kind).toBe('error');
      expect(parsed.kind === 'error' && parsed.message).toMatch(/number of failures in four weeks from 0 to 1,000,000/);
    }
    expect(parseFigure(failures, '2000000')).toEqual({kind: 'error', message: '2000000 is too large: type a number of failures in four weeks from 0 to 1,000,000.'});
  });

  it('two numbers for a change: "6, 2", "6 2", "now 6 before 2", "before 2 now 6"', () => {
    for (const text of ['6, 2', '6 2', '6;2', 'now 6 before 2', 'Now: 6, before: 2', 'before 2 now 6']) expect(parseFigure(cycle, text)).toEqual({kind: 'figure', value: {now: 6, before: 2}});
    for (const bad of ['6', '6, 2, 1', 'now 6 now 2', 'six, two']) expect(parseFigure(cycle, bad)).toEqual({kind: 'error', message: 'Type two numbers of days, now then before, e.g. "6, 2" or "now 6 before 2", or leave it blank.'});
  });

  it('says the format in the hint', () => {
    expect(figureHint(failures)).toBe('One number (failures in four weeks), e.g. 14. Blank skips.');
    expect(figureHint(cycle, true)).toBe('Now and before (days), e.g. 6, 2. Blank keeps it; - clears it.');
  });

  it('in words with its unit, and as typed again to prefill', () => {
    expect(describeFigure(failures, 14)).toBe('14 failures in four weeks');
    expect(describeFigure(cycle, {now: 6, before: 2})).toBe('6 days now, 2 days six months ago');
    expect(describeFigure(spec('reconciliation_load'), 1200.5)).toBe('1,200.5 hours a week');
    // One is one: the bank's singular unit.
    expect(describeFigure(failures, 1)).toBe('1 failure in four weeks');
    expect(describeFigure(spec('exception_visibility'), 1)).toBe('1 day to notice an exception');
    expect(describeFigure(cycle, {now: 1, before: 1})).toBe('1 day now, 1 day six months ago');
    expect(figureText(14)).toBe('14');
    expect(figureText({now: 6, before: 2})).toBe('6, 2');
    expect(figureText(undefined)).toBe('');
  });

  it('is asked only after a known answer on an axis with a figure; stored and cleared by axis', () => {
    expect(asksFigure(bank, 'failure_frequency', 3)).toBe(true);
    expect(asksFigure(bank, 'failure_frequency', 'unknown')).toBe(false);
    expect(asksFigure({...bank, axes: bank.axes.map((a) => ({...a, baseline: undefined}))}, 'failure_frequency', 3)).toBe(false);
    const stored = setFigure(emptyAnswers(), 'failure_frequency', 14);
    expect(figureOf(bank, stored, 'failure_frequency')).toBe('14 failures in four weeks');
    expect(setFigure(stored, 'failure_frequency', undefined).baselines).toBeUndefined();
  });
});

describe('the handoff form', () => {
  it('asks the fields in the answers file order, with the bank\'s wording', () => {
    const fields = formFields(bank.handoffMap!);
    expect(fields.map((f) => f.field)).toEqual(['from', 'to', 'record', 'owner', 'required_fields', 'when_missing', 'failures', 'critical_path']);
    expect(fields[3]!.prompt).toBe(bank.handoffMap!.fields.owner);
    expect(fields.filter((f) => f.required).map((f) => f.field)).toEqual(['from', 'to', 'record']);
  });

  it('parses each field: text trimmed, a comma list, a whole number, yes or no; blank where allowed', () => {
    expect(parseField('from', '  Shopify ')).toEqual({ok: true, value: 'Shopify'});
    expect(parseField('owner', '')).toEqual({ok: true, value: ''});
    expect(parseField('required_fields', 'SKU, tax code,, SKU')).toEqual({ok: true, value: ['SKU', 'tax code']});
    expect(parseField('required_fields', '')).toEqual({ok: true, value: []});
    expect(parseField('failures', '9')).toEqual({ok: true, value: 9});
    expect(parseField('failures', '')).toEqual({ok: true, value: undefined});
    expect(parseField('critical_path', 'Y')).toEqual({ok: true, value: true});
    expect(parseField('critical_path', 'no')).toEqual({ok: true, value: false});
    expect(parseField('critical_path', '')).toEqual({ok: true, value: undefined});
  });

  it('refuses what the answers file would not take, saying what is allowed', () => {
    expect(parseField('record', ' ')).toEqual({ok: false, message: 'This one is needed: e.g. order, invoice, ticket.'});
    expect(parseField('to', 'x'.repeat(121))).toEqual({ok: false, message: 'Please keep it to 120 characters (now 121).'});
    expect(parseField('required_fields', Array.from({length: 31}, (_, i) => `f${i}`).join(','))).toEqual({ok: false, message: 'Please name at most 30 fields (now 31).'});
    for (const bad of ['-1', '2.5', '100001', 'nine']) expect(parseField('failures', bad)).toEqual({ok: false, message: 'Type a whole number from 0 to 100000, e.g. 9, or leave it blank.'});
    expect(parseField('critical_path', 'maybe')).toEqual({ok: false, message: 'Type yes or no, or leave it blank.'});
  });

  it('a handoff completed from its fields, prefilled back as typed, and in one line', () => {
    let draft = {};
    const typed: [string, string][] = [['from', 'Shopify'], ['to', 'NetSuite'], ['record', 'order'], ['owner', 'Finance ops'], ['required_fields', 'SKU, tax code, customer id'], ['when_missing', 'waits'], ['failures', '9'], ['critical_path', 'yes']];
    for (const [field, text] of typed) {
      const parsed = parseField(field as never, text);
      if (parsed.ok) draft = withField(draft, field as never, parsed.value);
    }
    const handoff = completeHandoff(draft);
    expect(summarizeHandoff(handoff)).toBe('Shopify → NetSuite (order), owner: Finance ops, 3 fields, 9 failures, critical path');
    expect(typed.map(([field]) => fieldText(handoff, field as never))).toEqual(typed.map(([, text]) => text));
    const bare = completeHandoff({from: 'Gmail', to: 'HubSpot', record: 'lead'});
    expect(bare).toEqual({from: 'Gmail', to: 'HubSpot', record: 'lead', owner: '', required_fields: [], when_missing: ''});
    expect(summarizeHandoff({...bare, failures: 1})).toBe('Gmail → HubSpot (lead), no owner, no fields agreed, no rule when missing, 1 failure');
  });

  it('the map in words for the review', () => {
    expect(describeHandoffs(undefined)).toBe('not answered');
    expect(describeHandoffs([])).toBe('skipped');
    expect(describeHandoffs([completeHandoff({from: 'a', to: 'b', record: 'c'})])).toBe('1 handoff');
  });
});
