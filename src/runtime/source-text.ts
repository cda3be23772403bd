import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { SLOT_PREFIX } from '../emitted.js';
import type { ModuleRecord, Registry, ScriptText } from './registry.js';

/*
 * `Function.prototype.toString()` of a prepared function answers its original text, as it
 * must for code that sends functions elsewhere (a worker, a browser page, a computed key that
 * is a function). The text V8 has names the function's hook slot; from the slot's module the
 * original is found again: the module's code is rendered once more from its source, the
 * function's text is located in it, and its range is mapped back through the insertions.
 * Texts without a slot (everything not prepared) pass through after one substring test.
 */

const SLOT = new RegExp(`${SLOT_PREFIX}([0-9a-z]{9})_\\d`);
const load = createRequire(import.meta.url);
const transform = (): typeof import('../transform/index.js') =>
  load('../transform/index.js') as typeof import('../transform/index.js');

const native = Function.prototype.toString;
const NATIVE_TEXT = native.call(native);

/** The text V8 runs for `f`, prepared or not. */
export function preparedText(f: Function): string {
  return Reflect.apply(native, f, []) as string;
}

let installed = false;

/** Installs the original-text `toString` in the main realm, once. */
export function installSourceText(registry: Registry): void {
  if (installed) return;
  installed = true;
  const texts = new WeakMap<ModuleRecord, ScriptText | null>();
  const scriptOf = (record: ModuleRecord): ScriptText | undefined => {
    const edited = registry.editor?.scriptText?.(record);
    if (edited) return edited;
    let text = texts.get(record);
    if (text === undefined) texts.set(record, (text = render(record) ?? null));
    return text ?? undefined;
  };
  // Per function, the last text V8 had and its original: a search of the module's code once.
  const answered = new WeakMap<Function, { text: string; original: string }>();
  const { toString } = {
    // A method: like the built-in, it has no prototype and cannot be constructed.
    toString(this: unknown): string {
      const text = Reflect.apply(native, this, []) as string;
      if (this === toString) return NATIVE_TEXT;
      if (!text.includes(SLOT_PREFIX)) return text;
      const fn = this as Function;
      const known = answered.get(fn);
      if (known?.text === text) return known.original;
      let original = text;
      try {
        const record = registry.modules.get(SLOT.exec(text)?.[1] ?? '');
        const script = record && scriptOf(record);
        original = (script && originalOf(script, text)) ?? text;
      } catch {
        // the text as V8 has it
      }
      answered.set(fn, { text, original });
      return original;
    },
  };
  Object.defineProperty(Function.prototype, 'toString', {
    value: toString,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

/** The original text of the function whose prepared text is `text`, if it is in `script`. */
export function originalOf({ source, code, insertions }: ScriptText, text: string): string | undefined {
  const at = code.indexOf(text);
  if (at < 0 || code.indexOf(text, at + 1) >= 0) return undefined;
  // Code positions of the insertions, in the order they were applied.
  let inserted = 0;
  let before = 0;
  let within = 0;
  const end = at + text.length;
  for (const ins of insertions) {
    const codeStart = ins.pos + inserted;
    inserted += ins.text.length;
    if (codeStart + ins.text.length <= at) before += ins.text.length;
    else if (codeStart >= at && codeStart + ins.text.length <= end) within += ins.text.length;
    else if (codeStart < end) return undefined;
  }
  const start = at - before;
  return source.slice(start, start + text.length - within);
}

/**
 * Above this size a module's functions answer the prepared text: mapping it back costs a
 * parse of the whole module (a second for typescript.js) and keeps its rendering in memory.
 */
export const MAX_MAPPED_SOURCE = 2 * 1024 * 1024;

/** The code of a module that was prepared at load, rendered again from its source. */
function render(record: ModuleRecord): ScriptText | undefined {
  const { parseModule } = transform();
  const source = record.source;
  if (source) {
    if (source.original === undefined || source.original.length > MAX_MAPPED_SOURCE) return undefined;
    const module = parseModule(source.original, {
      filename: record.module,
      sourceType: source.sourceType,
      defer: { leavesOnly: source.leavesOnly },
    });
    return { source: source.original, ...module.render() };
  }
  // Prepared at load: the source is read again, and must make the same slot prefix.
  if (!isAbsolute(record.module)) return undefined;
  const text = readFileSync(record.module, 'utf8');
  if (text.length > MAX_MAPPED_SOURCE) return undefined;
  for (const sourceType of ['module', 'commonjs'] as const) {
    try {
      const module = parseModule(text, { filename: record.module, sourceType });
      if (module.payload.prefix === record.prefix && module.sites.length === record.slots.length)
        return { source: text, ...module.render() };
    } catch {
      // not this source type
    }
  }
  return undefined;
}
