import { tokenizer } from 'acorn';
import { encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';
import remapping from '@jridgewell/remapping';
import type { Insertion } from './edits.js';
import type { SourceType } from './parse.js';

export interface SourceMap {
  version: 3;
  file?: string;
  sources: string[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
}

/**
 * Builds a map with one segment per token of the original source: insertions only shift
 * columns within a line, so each token maps back to its exact line and column.
 * `insertions` must be sorted by position.
 */
export function buildSourceMap(
  source: string,
  filename: string,
  sourceType: SourceType,
  insertions: readonly Insertion[],
  inputSourceMap: SourceMap | undefined,
): SourceMap {
  const lines: SourceMapSegment[][] = [];
  let next = 0;
  let shiftLine = -1;
  let shift = 0;
  const add = (pos: number, line: number, column: number): void => {
    if (line !== shiftLine) {
      shiftLine = line;
      shift = 0;
    }
    // Every insertion at or before `pos` on this line moves the token right.
    while (next < insertions.length && insertions[next]!.pos <= pos) {
      shift += insertions[next]!.text.length;
      next++;
    }
    while (lines.length < line) lines.push([]);
    lines[line - 1]!.push([column + shift, 0, line - 1, column]);
  };
  const tokens = tokenizer(source, {
    ecmaVersion: 'latest',
    sourceType: sourceType === 'module' ? 'module' : 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: sourceType === 'commonjs',
    locations: true,
  });
  // Insertions on earlier lines do not shift this line; skip them as the lines advance.
  for (const token of tokens) {
    const { line, column } = token.loc!.start;
    if (line !== shiftLine) {
      while (
        next < insertions.length &&
        insertions[next]!.pos < token.start &&
        !sameLine(source, insertions[next]!.pos, token.start)
      )
        next++;
    }
    add(token.start, line, column);
  }
  const map: SourceMap = {
    version: 3,
    file: filename,
    sources: [filename],
    sourcesContent: [source],
    names: [],
    mappings: encode(lines),
  };
  return inputSourceMap ? throughInput(map, inputSourceMap) : map;
}

/**
 * The map composed with the source's own input map. Only our map's own source goes through
 * the input map: the input map's sources are final (they may carry the same name, which must
 * not recurse).
 */
function throughInput(map: SourceMap, inputSourceMap: SourceMap): SourceMap {
  let pending: SourceMap | undefined = inputSourceMap;
  const composed = remapping(map as never, () => {
    const input = pending;
    pending = undefined;
    return (input ?? null) as never;
  });
  return composed as unknown as SourceMap;
}

function sameLine(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return false;
  }
  return true;
}
