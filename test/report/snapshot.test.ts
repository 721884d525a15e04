/**
 * The markdown report for the bundled example, at a fixed date: a snapshot of
 * the whole text, beside the behaviour tests (sections, tailoring, escaping)
 * that say what must hold. The machine-readable data block is left out: it
 * carries the tool version and hashes, which change for reasons of their own.
 */
import {expect, it} from '@jest/globals';
import {renderReport} from '../../src/report/render-report.js';
import {answersFile, realBank} from './report-helpers.js';

it('the example report (examples/acme.yaml, 2025-01-15)', () => {
  const md = renderReport({bank: realBank(), answers: answersFile('examples/acme.yaml'), date: '2025-01-15', format: 'md'});
  const block = /\n*<!-- handoff-assess:data [^>]*-->\n?/;
  expect(md).toMatch(block);
  expect(md.replace(block, '\n')).toMatchSnapshot();
});
