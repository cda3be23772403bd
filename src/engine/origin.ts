import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENGINE_DIR = dirname(fileURLToPath(import.meta.url));

/** `file:line` of the first caller outside the engine: where a rule was written. */
export function callerOrigin(): string | undefined {
  const stack = new Error().stack?.split('\n').slice(1) ?? [];
  for (const frame of stack) {
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?$/.exec(frame.trim());
    if (!m) continue;
    const file = m[1]!.startsWith('file://') ? fileURLToPath(m[1]!) : m[1]!;
    if (file.startsWith(ENGINE_DIR) || file.startsWith('node:')) continue;
    return `${file}:${m[2]}`;
  }
  return undefined;
}

/**
 * Rules whose `origin` is where their set was defined (an object literal inside `defineRules(`), not where they were
 * written.
 */
const setOrigin = new WeakSet<object>();

export function markSetOrigin<T extends object>(rule: T): T {
  setOrigin.add(rule);
  return rule;
}

/**
 * Where a rule was written, for an error: its own origin (a catalogue entry, `rule()`), else
 * the line of its `id` in the file of its set (at or after the line of `defineRules(`), else
 * that file and line. Read only when there is an error to report.
 */
export function ruleOrigin(
  rule: { id?: unknown; origin?: unknown } | null | undefined,
  fallback?: string,
): string | undefined {
  const own = rule && typeof rule === 'object' && typeof rule.origin === 'string' ? rule.origin : undefined;
  if (own && !setOrigin.has(rule!)) return own;
  const base = own ?? fallback;
  if (!base || !rule || typeof rule.id !== 'string' || rule.id === '') return base;
  const m = /^(.*?)(?::(\d+))?$/.exec(base)!;
  const line = locate(m[1]!, rule.id, m[2] ? Number(m[2]) : 1);
  return line === undefined ? base : `${m[1]}:${line}`;
}

function locate(file: string, id: string, from: number): number | undefined {
  try {
    if (!statSync(file).isFile() || statSync(file).size > 4 * 1024 * 1024) return undefined;
    const lines = readFileSync(file, 'utf8').split('\n');
    const quoted = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const idField = new RegExp(`(?:^|[{,\\s])['"]?id['"]?\\s*:\\s*(['"\`])${quoted}\\1`);
    for (let i = Math.max(0, from - 1); i < lines.length; i++) if (idField.test(lines[i]!)) return i + 1;
  } catch {
    // the file is not readable here: the set's line it is
  }
  return undefined;
}
