import { printable, printableJson } from './printable.js';

/** One line of output; what came from the agent in it is escaped (printable.ts). */
export const print = (line: string): void => void process.stdout.write(`${printable(line)}\n`);
export const printJson = (value: unknown): void =>
  void process.stdout.write(`${printableJson(JSON.stringify(value))}\n`);

/** Rows as columns, each as wide as its widest cell (the last one as it is). */
export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
}
