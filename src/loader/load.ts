import { fileURLToPath } from 'node:url';
import { PROLOGUE_START } from '../emitted.js';
import type { SourcePreparer } from './prepare-source.js';
import { OWN_CODE } from './filter.js';
import { reportSkipped } from './report.js';

export interface LoadResult {
  format?: string | null;
  source?: string | ArrayBuffer | ArrayBufferView | null;
  shortCircuit?: boolean;
}

/** The `load` hook: prepare what was loaded. */
export function prepareLoaded<R extends LoadResult>(url: string, result: R, preparer: SourcePreparer): R {
  const { format, source } = result;
  if (source == null || !url.startsWith('file:')) return result;
  const filename = fileURLToPath(url);
  if (format !== 'module' && format !== 'commonjs') {
    // Node's own TypeScript (type stripping) hands its format on: JavaScript comes from it later, not here.
    if (format !== 'json' && format !== 'builtin') reportSkipped(filename, `format ${format}`);
    return result;
  }
  const leftAlone = preparer.leftAlone(filename);
  if (leftAlone !== undefined) {
    if (leftAlone !== OWN_CODE) reportSkipped(filename, leftAlone);
    return result;
  }
  const text = typeof source === 'string' ? source : Buffer.from(source as ArrayBuffer).toString('utf8');
  return { ...result, source: preparer.prepare(text, filename, format === 'module' ? 'module' : 'commonjs', url) };
}

/** Prepared code begins with its module prologue; seeing it twice must not prepare twice. */
export function isPrepared(code: string): boolean {
  const at = code.indexOf(PROLOGUE_START);
  return at >= 0 && at < 4096;
}
