// Renders fixtures/document.md with marked (node_modules/marked) in several
// configurations and prints the HTML and the tokens' types.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Marked, marked } from 'marked';

const markdown = readFileSync(new URL('./fixtures/document.md', import.meta.url), 'utf8');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const gfm = marked.parse(markdown, { async: false });
console.log(`== gfm ${gfm.length} ${sha256(gfm)}`);
console.log(gfm);

const custom = new Marked(
  { gfm: true, breaks: true },
  {
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens);
        const slug = text
          .toLowerCase()
          .replace(/<[^>]+>/g, '')
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '');
        return `<h${depth} id="${slug}">${text}</h${depth}>\n`;
      },
    },
    walkTokens(token) {
      if (token.type === 'codespan') token.text = token.text.toUpperCase();
    },
  },
);
const customHtml = custom.parse(markdown);
console.log(`== custom ${customHtml.length} ${sha256(customHtml)}`);
console.log(customHtml);

const pedantic = await marked.parse(markdown, { async: true, gfm: false, pedantic: true });
console.log(`== pedantic ${pedantic.length} ${sha256(pedantic)}`);

const counts = {};
marked.walkTokens(marked.lexer(markdown), (token) => {
  counts[token.type] = (counts[token.type] ?? 0) + 1;
});
console.log('== tokens', JSON.stringify(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))));
