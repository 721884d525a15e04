/** Custom templates (--template): they render, a broken one names its file and line, and none can read another file. */
import {describe, expect, it} from '@jest/globals';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {TemplateError, renderReport, type TemplateSource} from '../../src/report/render-report.js';
import {DATE, HERE, SPRINT, realBank} from './report-helpers.js';

const bank = realBank();
const render = (template: TemplateSource, format: 'md' | 'html' = 'md') => renderReport({bank, answers: SPRINT, date: DATE, format, template});
const body = (text: string) => text.replace(/<!-- handoff-assess:data [^>]*-->\n?/g, '');

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('a custom template', () => {
  const path = join(HERE, 'fixtures', 'custom.md.liquid');
  const template = {path: 'custom.md.liquid', text: readFileSync(path, 'utf8')};

  it('renders the report model, escaped', () => {
    const md = body(render(template)).trimEnd();
    expect(md).toBe(
      [
        '# Beta Foods: Remediation sprint (medium)',
        '',
        md.split('\n')[2],
        '',
        ...bank.path.map((s, i) => `${i + 1}. ${s.title}`),
        '',
        '[Our method](https://consultancy.example/method)',
      ].join('\n'),
    );
    expect(md.split('\n')[2]).toMatch(/weighs? most: the answers lean (clearly|only narrowly) toward a remediation sprint\.$/);
  });

  it('escapes user text in it', () => {
    const hostile = {...SPRINT, context: {...SPRINT.context, organisation: '<script>x</script> | # [a](javascript:b)'}};
    const md = body(renderReport({bank, answers: hostile, date: DATE, format: 'md', template}));
    expect(md.split('\n')[0]).toBe('# &lt;script>x&lt;/script> \\| # \\[a\\](javascript:b): Remediation sprint (medium)');
  });

  it('becomes the HTML page too, where the template\'s own link still links', () => {
    const html = render(template, 'html');
    expect(html).toContain('<h1>Beta Foods: Remediation sprint (medium)</h1>');
    expect(html).toContain('<a href="https://consultancy.example/method" rel="noreferrer noopener">Our method</a>');
    expect(html).not.toContain('Action plan');
  });

  it('can print a value raw only when it says so', () => {
    const md = body(render({path: 't.liquid', text: '{{ organisation }} {{ "<b>" }} {{ "<b>" | raw }}'}));
    expect(md.trim()).toBe('Beta Foods &lt;b> <b>');
  });
});

describe('a broken template', () => {
  it.each([
    ['an unclosed tag', 'line 1\nline 2\n{% if organisation %}\nnever closed\n', 3, /not closed/],
    ['an unknown filter', 'line 1\n\n\n{{ organisation | shout }}\n', 4, /undefined filter: shout/],
    ['an unknown tag', '{{ title }}\n{% exec "rm -rf /" %}\n', 2, /tag "exec" not found/],
    ['an unclosed output', '{{ title }}\n\n{{ organisation\n', 3, /not closed/],
  ])('%s throws a TemplateError naming the file and the line', (_name, text, line, detail) => {
    const error = thrown(() => render({path: 'my-report.md.liquid', text}));
    expect(error).toBeInstanceOf(TemplateError);
    const e = error as TemplateError;
    expect(e.file).toBe('my-report.md.liquid');
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^my-report\\.md\\.liquid:${line}: template error: `));
    expect(e.message).toMatch(detail);
    expect(e.message).not.toContain('\n');
  });

  it('cannot loop without end', () => {
    const started = Date.now();
    const error = thrown(() => render({path: 'loop.liquid', text: 'ok\n{% for i in (1..100000000) %}{% for j in (1..100000000) %}{{ i }}{% endfor %}{% endfor %}'}));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toMatch(/^loop\.liquid:2: /);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('a template cannot read another file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-template-'));
  const secret = join(dir, 'secret.liquid');
  writeFileSync(secret, 'TOP-SECRET-CONTENT');
  const tags = [
    `{% include '${secret}' %}`,
    `{% render '${secret}' %}`,
    `{% layout '${secret}' %}`,
    `{% include 'secret.liquid' %}`,
    `{% render 'package.json' %}`,
    `{% include '../../package.json' %}`,
    `{% include organisation %}`,
  ];

  it.each(tags)('%s', (tag) => {
    const text = `# {{ title }}\n\n${tag}\n`;
    let out = '';
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      out = render({path: join(dir, 'report.liquid'), text});
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).line).toBe(3);
      expect((error as Error).message).toMatch(/templates cannot include other files/);
    } finally {
      process.chdir(cwd);
    }
    expect(out).not.toContain('TOP-SECRET-CONTENT');
    expect(out).not.toContain('"name": "handoff-assess"');
  });
});
