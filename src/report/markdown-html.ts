/**
 * Markdown → HTML for the HTML report and comparison: marked, made safe. Its own
 * module because only the HTML path needs marked: the CLI
 * imports it dynamically for `--format html`, and src/report/render-report.ts
 * statically for callers that render any format synchronously (the wizard, tests).
 */
import {Marked, type Tokens} from 'marked';
import {escapeHtml} from './escape.js';

/** Raw HTML is shown as text and only http(s) and mailto links survive. Made on first use. */
let htmlMarked: Marked | undefined;
function htmlRenderer(): Marked {
  if (htmlMarked) return htmlMarked;
  const marked = new Marked({gfm: true});
  marked.use({
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        // A bare URL or e-mail address (GFM autolink literal) can only come from text, often a user's: shown, not linked.
        const literal = !/^[[<]/.test(token.raw);
        return !literal && /^(https?:|mailto:)/i.test(token.href) ? `<a href="${escapeHtml(token.href)}" rel="noreferrer noopener">${text}</a>` : text;
      },
      image(token: Tokens.Image) {
        return escapeHtml(token.text);
      },
    },
  });
  return (htmlMarked = marked);
}

export function markdownToHtml(md: string): string {
  return htmlRenderer().parse(md, {async: false}) as string;
}
