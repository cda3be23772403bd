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
