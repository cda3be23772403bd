/**
 * Phase II only ever inserts text, never removes or moves any, and never inserts a line
 * break: so every original character keeps its line, and a source map is a column shift.
 */
export interface Insertion {
  pos: number;
  text: string;
  /** Closing text goes before opening text at the same position. */
  closing: boolean;
  /** Nesting depth of the construct: openings outermost first, closings innermost first. */
  depth: number;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

export function applyInsertions(source: string, insertions: Insertion[]): string {
  sortInsertions(insertions);
  const parts: string[] = [];
  let last = 0;
  for (const ins of insertions) {
    if (LINE_BREAK.test(ins.text)) throw new Error(`internal: inserted text must stay on one line: ${ins.text}`);
    parts.push(source.slice(last, ins.pos), ins.text);
    last = ins.pos;
  }
  parts.push(source.slice(last));
  return parts.join('');
}

export function sortInsertions(insertions: Insertion[]): void {
  insertions.sort((a, b) => {
    if (a.pos !== b.pos) return a.pos - b.pos;
    if (a.closing !== b.closing) return a.closing ? -1 : 1;
    return a.closing ? b.depth - a.depth : a.depth - b.depth;
  });
}
