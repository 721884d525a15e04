/** The consultant's brand file (issue 11): read, checked, its logo checked by its bytes, and applied to HTML only. */
import {afterAll, describe, expect, it} from '@jest/globals';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {BrandError, configDir, findBrand, loadBrand} from '../../src/report/brand.js';
import {runInProcess} from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'brand-test-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#0b6e4f"/></svg>\n';
// A 1x1 PNG: the signature, then the IHDR chunk.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let n = 0;
/** A brand file (and the named extra files) in a folder of its own; returns its path. */
function brandFile(yaml: string, files: Record<string, string | Buffer> = {}): string {
  const folder = join(dir, `b${n++}`);
  mkdirSync(folder);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  writeFileSync(join(folder, 'brand.yaml'), yaml);
  return join(folder, 'brand.yaml');
}

function problem(file: string): string {
  try {
    loadBrand(file);
  } catch (error) {
    expect(error).toBeInstanceOf(BrandError);
    expect((error as BrandError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('the brand file was accepted');
}

describe('a brand file', () => {
  it('with every field: the logo read from beside it (PNG or SVG), the colour in lower case', () => {
    const svg = loadBrand(brandFile('name: Northwind Advisory\nlogo: logo.svg\naccent: "#0B6E4F"\ncontact: hello@northwind.example\ndisclaimer: Not an audit.\n', {'logo.svg': SVG}));
    expect(svg).toEqual({name: 'Northwind Advisory', logo: {mime: 'image/svg+xml', base64: Buffer.from(SVG).toString('base64'), file: 'logo.svg'}, accent: '#0b6e4f', contact: 'hello@northwind.example', disclaimer: 'Not an audit.'});
    const png = loadBrand(brandFile('name: N\nlogo: logo.png\n', {'logo.png': PNG}));
    expect(png.logo).toEqual({mime: 'image/png', base64: PNG.toString('base64'), file: 'logo.png'});
  });

  it('names the file and the field, and says what is allowed', () => {
    expect(problem(brandFile('logo: x.svg\n'))).toMatch(/brand\.yaml: "name" is missing: the consultancy or person/);
    expect(problem(brandFile('name: N\naccent: blue\n'))).toMatch(/"accent" must be a colour as "#rrggbb".*\(found "blue"\)/);
    expect(problem(brandFile('name: N\naccent: #0b6e4f\n'))).toMatch(/"accent" must be a colour/); // a YAML comment: accent is empty
    expect(problem(brandFile('name: N\ncolour: "#000000"\n'))).toMatch(/"colour" is not a brand field; allowed: name, logo, accent, contact, disclaimer/);
    expect(problem(brandFile(`name: ${'x'.repeat(81)}\n`))).toMatch(/"name" must be one line of text, 1 to 80 characters/);
    expect(problem(brandFile('name: [a, b]\n'))).toMatch(/"name" .*\(found a list\)/);
    expect(problem(brandFile('name: "N\n  x: [\n'))).toMatch(/brand\.yaml(:\d+)?: not valid YAML/);
    expect(problem(brandFile('- name\n'))).toMatch(/a brand file is a YAML mapping/);
  });

  it('refuses a logo that is not an image, whatever its name, and one that is missing or too large', () => {
    expect(problem(brandFile('name: N\nlogo: logo.png\n', {'logo.png': 'just text\n'}))).toMatch(/logo logo\.png: is not a PNG or SVG image \(by its content, whatever its name\)/);
    expect(problem(brandFile('name: N\nlogo: logo.svg\n', {'logo.svg': '<html><svg></svg></html>'}))).toMatch(/is not a PNG or SVG image/);
    expect(problem(brandFile('name: N\nlogo: gone.svg\n'))).toMatch(/logo gone\.svg: no such logo file/);
    expect(problem(brandFile('name: N\nlogo: big.png\n', {'big.png': Buffer.concat([PNG, Buffer.alloc(600 * 1024)])}))).toMatch(/a logo file may be at most 524,288 bytes/);
  });

  it.each([
    ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'a <script> element'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', 'a <foreignObject> element'],
    ['<svg xmlns="http://www.w3.org/2000/svg" onload="x()"></svg>', 'an event attribute'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><use href="https://example.com/a.svg#x"/></svg>', 'a reference to another file or address'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://example.com/p)"/></svg>', 'a url()'],
    ['<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', 'an entity declaration'],
  ])('refuses (does not clean) an SVG logo that could run or load something: %s', (svg, said) => {
    expect(problem(brandFile('name: N\nlogo: logo.svg\n', {'logo.svg': svg}))).toContain(`the SVG holds ${said}`);
  });

  it('keeps an SVG that refers only inside itself (a gradient, <use href="#...">)', () => {
    const svg = '<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/></svg>';
    expect(loadBrand(brandFile('name: N\nlogo: logo.svg\n', {'logo.svg': svg})).logo?.mime).toBe('image/svg+xml');
  });
});

describe('where the brand is found', () => {
  it('HANDOFF_ASSESS_CONFIG_DIR, else XDG_CONFIG_HOME/handoff-assess', () => {
    expect(configDir({HANDOFF_ASSESS_CONFIG_DIR: '/x/config', XDG_CONFIG_HOME: '/y'})).toBe('/x/config');
    expect(configDir({XDG_CONFIG_HOME: '/y'})).toBe('/y/handoff-assess');
  });

  it('--brand wins; else brand.yaml in the config folder; else none', () => {
    const given = brandFile('name: Given\n');
    const config = brandFile('name: From config\n');
    const env = {HANDOFF_ASSESS_CONFIG_DIR: join(config, '..')};
    expect(findBrand(given, {env})?.name).toBe('Given');
    expect(findBrand(undefined, {env})?.name).toBe('From config');
    expect(findBrand(undefined, {env: {HANDOFF_ASSESS_CONFIG_DIR: join(dir, 'none')}})).toBeUndefined();
  });
});

describe('--brand on the command line', () => {
  const example = join(process.cwd(), 'examples', 'acme.yaml');
  const brand = brandFile('name: Northwind Advisory\nlogo: logo.svg\naccent: "#0b6e4f"\ncontact: hello@northwind.example\ndisclaimer: Not an audit.\n', {'logo.svg': SVG});

  it('brands an HTML report (logo as a data: image, name, contact, disclaimer, colour), which --verify still finds intact', async () => {
    const out = join(dir, 'branded.html');
    const run = await runInProcess(['--answers', example, '--brand', brand, '--out', out, '--date', '2026-11-30']);
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(`<img src="data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}" alt="Northwind Advisory">`);
    expect(html).toContain('--accent: #0b6e4f');
    expect(html).toContain('hello@northwind.example');
    expect(html).toContain('<footer class="colophon">\n<p>Not an audit.</p>');
    expect(html).not.toContain(join(brand, '..')); // no local path in a client document
    const verify = await runInProcess(['--verify', out]);
    expect(verify.stdout).toContain('Rendering the answers again gives the same report.');
    expect(verify.code).toBe(0);
  });

  it('brands a comparison as HTML', async () => {
    const run = await runInProcess(['--compare', example, example, '--format', 'html', '--brand', brand]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<strong>Northwind Advisory</strong>');
  });

  it('brands every report of a batch in HTML', async () => {
    const inputs = join(dir, 'batch-in');
    const outputs = join(dir, 'batch-out');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'acme.yaml'), readFileSync(example));
    writeFileSync(join(inputs, 'other.yaml'), readFileSync(example, 'utf8').replace('organisation: Acme Ltd', 'organisation: Other Co'));
    const run = await runInProcess(['--answers', inputs, '--out-dir', outputs, '-f', 'html', '--brand', brand, '--date', '2026-11-30']);
    expect(run.code).toBe(0);
    const written = readdirSync(outputs);
    expect(written).toHaveLength(2);
    for (const file of written) expect(readFileSync(join(outputs, file), 'utf8')).toContain('<strong>Northwind Advisory</strong>');
  });

  it('refuses --brand with markdown or JSON (they carry no brand), exit 2', async () => {
    for (const format of ['md', 'json']) {
      const run = await runInProcess(['--answers', example, '--brand', brand, '--format', format]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`handoff-assess: --brand styles HTML and PDF reports; -f ${format} has no brand. Drop --brand, or make the report with -f html (or an --out file named .html)\n`);
    }
  });

  it('a bad brand file stops the run before any report is written (exit 2, the file and the field named)', async () => {
    const out = join(dir, 'never.html');
    const run = await runInProcess(['--answers', example, '--brand', brandFile('name: N\naccent: red\n'), '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^handoff-assess: .*brand\.yaml: "accent" must be a colour/);
    const {existsSync} = await import('node:fs');
    expect(existsSync(out)).toBe(false);
  });

  it('uses brand.yaml from the config folder for HTML, and ignores it for markdown', async () => {
    const env = {HANDOFF_ASSESS_CONFIG_DIR: join(brand, '..')};
    expect((await runInProcess(['--answers', example, '--format', 'html'], {env})).stdout).toContain('<strong>Northwind Advisory</strong>');
    const md = await runInProcess(['--answers', example], {env});
    expect(md.code).toBe(0);
    expect(md.stdout).not.toContain('Northwind');
  });
});
