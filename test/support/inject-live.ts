/**
 * `--import` this before the loader: every module of the conformance corpus first imports
 * (or requires) `attach-live`, which attaches no-op hooks to every function once the module
 * is compiled but before its body runs. The loader sees the import as part of the source, so
 * its functions are prepared at attach, over V8 LiveEdit, as in a process that attaches later.
 */
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const LIVE = new URL('./attach-live.js', import.meta.url);
const CASES = process.env.KHEIRON_INCLUDE?.replace(/\/\*\*$/, '') ?? '';
const DIRECTIVES = /^(?:#![^\n]*\n)?(?:\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*|(?:'[^']*'|"[^"]*");?)*/;

module.registerHooks({
  load(url, context, nextLoad) {
    const result = nextLoad(url, context);
    if (!url.startsWith('file:') || !fileURLToPath(url).startsWith(CASES) || result.source == null) return result;
    const source =
      typeof result.source === 'string' ? result.source : Buffer.from(result.source as ArrayBuffer).toString('utf8');
    const line =
      result.format === 'module'
        ? `import ${JSON.stringify(LIVE.href)};`
        : `require(${JSON.stringify(fileURLToPath(LIVE))});`;
    // After the directives, which must stay the first statements; on their line, so that no line moves.
    const at = DIRECTIVES.exec(source)![0].length;
    return { ...result, source: `${source.slice(0, at)}${at > 0 ? ';' : ''}${line}${source.slice(at)}` };
  },
});
