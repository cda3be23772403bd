import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FLAG_REINVOCABLE, FLAG_STATIC, FUNCTION_KINDS, PREPARED_AS, type EmittedFunction } from '../emitted.js';
import { shadowCall, type ModuleRecord, type Registry } from '../runtime/internal.js';
import { modulePrefix } from '../transform/index.js';
import type { SourcePlace } from './unprepared.js';

interface Patch {
  owner: Record<string, unknown>;
  key: string;
  original: Function;
  wrapper: Function | undefined;
  /** Given way to an edit in place: the property stays the original's. */
  retired?: boolean;
}

/** A function found on a module's exports, as the registry will name it. */
interface Found {
  name: string;
  kind: string;
  isStatic: boolean;
  line: number;
  column: number;
  patch: Omit<Patch, 'wrapper'>;
}

export interface PatcherOptions {
  /** Functions made attachable by other means, left alone (and given way to, see `yieldCovered`). */
  covered?: (fn: Function) => boolean;
  /** Where a function found under `key` is in the source of module `path`, to name it as its source does. */
  locate?: (path: string, fn: Function, key: string) => SourcePlace | undefined;
}

const { apply, construct, defineProperty } = Reflect;
/** Kheiron's own files: the agent is in require's cache too, and is not the application. */
const OWN_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A process started without Kheiron has no prepared functions. What can be reached: the
 * exports of its CommonJS modules, and the methods of the classes they export. These get
 * registry entries ('patched'), named and placed as in the module's source where that is
 * known (else `exports.<key>`, line 0); attaching hooks replaces the property with a wrapper
 * that runs the control points, detaching puts the original back.
 */
export class ReachablePatcher {
  private readonly patches = new Map<ModuleRecord, Patch[]>();
  private readonly pendingByPrefix = new Map<string, Patch[]>();
  private readonly seen = new Set<string>();
  /** `module#name` and `module#name:line` of every function patched. */
  private readonly names = new Set<string>();
  private readonly covered: (fn: Function) => boolean;

  constructor(
    private readonly registry: Registry,
    private readonly options: PatcherOptions = {},
  ) {
    this.covered = options.covered ?? (() => false);
    registry.onModule((record) => this.adopt(record));
    registry.onHooks((record, index, hooks) => {
      const patch = this.patches.get(record)?.[index];
      if (!patch || patch.retired) return;
      if (hooks.length > 0 && !patch.wrapper) this.install(record, index, patch);
      else if (hooks.length === 0 && patch.wrapper) this.restore(patch);
    });
  }

  /** Registers the functions of CommonJS modules loaded since the last call. */
  discover(): void {
    const cache = createRequire(import.meta.url).cache;
    for (const [filename, module] of Object.entries(cache)) {
      if (!module || this.seen.has(filename) || !module.loaded) continue;
      if (filename.startsWith(OWN_ROOT) || filename.includes('/node_modules/')) continue;
      this.seen.add(filename);
      const found = this.exported(filename, module.exports as unknown);
      if (found.length > 0) this.register(filename, found);
    }
  }

  /** Whether a function of `module` named `name` (as its source names it) was patched. */
  reaches({ module, name, line }: { module: string; name: string; line: number }): boolean {
    return this.names.has(`${module}#${name}:${line}`) || this.names.has(`${module}#exports.${name}`);
  }

  /**
   * Puts the original back wherever it runs code prepared by other means now (an edit in
   * place that V8 refused at first): hooks would run twice. An entry all of whose functions
   * gave way leaves the registry.
   */
  yieldCovered(): void {
    for (const [record, patches] of this.patches) {
      for (const patch of patches) {
        if (patch.retired || !this.covered(patch.original)) continue;
        if (patch.wrapper) this.restore(patch);
        patch.retired = true;
      }
      if (patches.every((p) => p.retired)) {
        this.patches.delete(record);
        this.registry.modules.delete(record.prefix);
      }
    }
  }

  /** The functions on `exportsValue` not covered otherwise: its own functions, and its classes' methods. */
  private exported(filename: string, exportsValue: unknown): Found[] {
    const found: Found[] = [];
    const add = (name: string, kind: string, isStatic: boolean, owner: Record<string, unknown>, key: string): void => {
      const original = owner[key] as Function;
      if (this.covered(original)) return;
      const place = this.options.locate?.(filename, original, key);
      const named = place ? { name: place.name, line: place.line, column: place.column } : { name, line: 0, column: 0 };
      found.push({ ...named, kind, isStatic, patch: { owner, key, original } });
    };
    if (!exportsValue || (typeof exportsValue !== 'object' && typeof exportsValue !== 'function')) return found;
    const exports = exportsValue as Record<string, unknown>;
    for (const key of Object.keys(exports)) {
      const value = writableFunction(exports, key);
      if (!value) continue;
      if (!isClass(value)) {
        add(`exports.${key}`, 'function', false, exports, key);
        continue;
      }
      const cls = value as unknown as { prototype: Record<string, unknown> } & Record<string, unknown>;
      const className = value.name || key;
      for (const m of Object.getOwnPropertyNames(cls.prototype)) {
        if (m === 'constructor' || !writableFunction(cls.prototype, m)) continue;
        add(`${className}.prototype.${m}`, 'method', false, cls.prototype, m);
      }
      for (const m of Object.getOwnPropertyNames(cls)) {
        if (!['prototype', 'length', 'name'].includes(m) && writableFunction(cls, m)) {
          add(`${className}.${m}`, 'method', true, cls, m);
        }
      }
    }
    return found;
  }

  private register(filename: string, found: Found[]): void {
    for (const f of found) this.names.add(f.line > 0 ? `${filename}#${f.name}:${f.line}` : `${filename}#${f.name}`);
    const prefix = modulePrefix(`${filename}#reachable`);
    const functions: EmittedFunction[] = found.map((f) => [
      f.name,
      FUNCTION_KINDS.indexOf(f.kind as never),
      FLAG_REINVOCABLE | (f.isStatic ? FLAG_STATIC : 0),
      f.patch.original.length,
      f.line,
      f.column,
      PREPARED_AS.indexOf('patched'),
    ]);
    // Adopted when the registry announces the module, before the hooks of earlier rules arrive.
    this.pendingByPrefix.set(
      prefix,
      found.map((f) => ({ ...f.patch, wrapper: undefined })),
    );
    this.registry.define(JSON.stringify({ prefix, module: filename, functions }), globalThis);
  }

  private adopt(record: ModuleRecord): void {
    const pending = this.pendingByPrefix.get(record.prefix);
    if (!pending) return;
    this.pendingByPrefix.delete(record.prefix);
    this.patches.set(record, pending);
    pending.forEach((patch, index) => {
      if ((record.slots[index]?.hooks.length ?? 0) > 0) this.install(record, index, patch);
    });
  }

  private install(record: ModuleRecord, index: number, patch: Patch): void {
    const { original } = patch;
    const wrapper = function (this: unknown, ...args: unknown[]): unknown {
      const slot = record.slots[index];
      if (new.target) {
        // Constructed as the original would be: `new wrapper()` makes an instance of the original.
        const target = new.target === wrapper ? original : new.target;
        const build = (...a: unknown[]): unknown => construct(original, a, target);
        return slot === undefined ? build(...args) : shadowCall(slot, undefined, args, build);
      }
      return slot === undefined ? apply(original, this, args) : shadowCall(slot, this, args, original);
    };
    defineProperty(wrapper, 'name', { value: original.name });
    defineProperty(wrapper, 'length', { value: original.length });
    // `instanceof wrapper`, and classes that extend it, see the original's prototype.
    if ('prototype' in original) defineProperty(wrapper, 'prototype', { value: original.prototype, writable: false });
    patch.owner[patch.key] = wrapper;
    patch.wrapper = wrapper;
  }

  private restore(patch: Patch): void {
    if (patch.owner[patch.key] === patch.wrapper) patch.owner[patch.key] = patch.original;
    patch.wrapper = undefined;
  }
}

/** The function at `owner[key]`, where it is a writable data property. */
function writableFunction(owner: Record<string, unknown>, key: string): Function | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(owner, key);
  return typeof descriptor?.value === 'function' && descriptor.writable ? (descriptor.value as Function) : undefined;
}

function isClass(fn: Function): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}
