import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FLAG_REINVOCABLE, FLAG_STATIC, FUNCTION_KINDS, PREPARED_AS, type EmittedFunction } from '../emitted.js';
import { shadowCall } from '../runtime/dispatch.js';
import type { ModuleRecord, Registry } from '../runtime/registry.js';
import { modulePrefix } from '../transform/index.js';

interface Patch {
  owner: Record<string, unknown>;
  key: string;
  original: Function;
  wrapper: Function | undefined;
}

const { apply, construct, defineProperty } = Reflect;
/** Kheiron's own files: the agent is in require's cache too, and is not the application. */
const OWN_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A process started without Kheiron has no prepared functions. What can be reached: the
 * exports of its CommonJS modules, and the methods of the classes they export. These get
 * registry entries ('patched'); attaching hooks replaces the property with a wrapper that
 * runs the control points, detaching puts the original back.
 */
export class ReachablePatcher {
  private readonly patches = new Map<ModuleRecord, Patch[]>();
  private readonly seen = new Set<string>();

  /** `module#name` of every function patched. */
  private readonly names = new Set<string>();

  constructor(
    private readonly registry: Registry,
    /** Functions made attachable by other means, left alone. */
    private readonly covered: (fn: Function) => boolean = () => false,
  ) {
    registry.onModule((record) => this.adopt(record));
    registry.onHooks((record, index, hooks) => {
      const patch = this.patches.get(record)?.[index];
      if (!patch) return;
      if (hooks.length > 0 && !patch.wrapper) this.install(record, index, patch);
      else if (hooks.length === 0 && patch.wrapper) this.restore(patch);
    });
  }

  /** Registers the functions of CommonJS modules loaded since the last call. */
  discover(): void {
    const cache = createRequire(import.meta.url).cache;
    for (const [filename, module] of Object.entries(cache)) {
      if (!module || this.seen.has(filename) || !module.loaded || filename.startsWith(OWN_ROOT) || filename.includes('/node_modules/')) continue;
      this.seen.add(filename);
      const found: { name: string; kind: string; isStatic: boolean; patch: Omit<Patch, 'wrapper'> }[] = [];
      const exportsValue = module.exports as unknown;
      const visit = (owner: Record<string, unknown>, key: string, prefix: string): void => {
        const descriptor = Object.getOwnPropertyDescriptor(owner, key);
        const value = descriptor?.value as unknown;
        if (typeof value !== 'function' || !descriptor?.writable) return;
        const add = (name: string, kind: string, isStatic: boolean, owner: Record<string, unknown>, key: string, original: Function): void => {
          if (!this.covered(original)) found.push({ name, kind, isStatic, patch: { owner, key, original } });
        };
        if (isClass(value)) {
          const cls = value as unknown as { prototype: Record<string, unknown> } & Record<string, unknown>;
          for (const m of Object.getOwnPropertyNames(cls.prototype)) {
            const d = Object.getOwnPropertyDescriptor(cls.prototype, m)!;
            if (m !== 'constructor' && typeof d.value === 'function' && d.writable) add(`${value.name || key}.prototype.${m}`, 'method', false, cls.prototype, m, d.value);
          }
          for (const m of Object.getOwnPropertyNames(cls)) {
            const d = Object.getOwnPropertyDescriptor(cls, m)!;
            if (typeof d.value === 'function' && d.writable && !['prototype', 'length', 'name'].includes(m)) add(`${value.name || key}.${m}`, 'method', true, cls, m, d.value);
          }
        } else {
          add(`${prefix}${key}`, 'function', false, owner, key, value);
        }
      };
      if (exportsValue && (typeof exportsValue === 'object' || typeof exportsValue === 'function')) {
        for (const key of Object.keys(exportsValue)) visit(exportsValue as Record<string, unknown>, key, 'exports.');
      }
      if (found.length === 0) continue;
      for (const f of found) this.names.add(`${filename}#${f.name}`);
      const prefix = modulePrefix(`${filename}#reachable`);
      const functions: EmittedFunction[] = found.map((f) => [
        f.name,
        FUNCTION_KINDS.indexOf(f.kind as never),
        FLAG_REINVOCABLE | (f.isStatic ? FLAG_STATIC : 0),
        f.patch.original.length,
        0,
        0,
        PREPARED_AS.indexOf('patched'),
      ]);
      // Adopted when the registry announces the module, before the hooks of earlier rules arrive.
      this.pendingByPrefix.set(prefix, found.map((f) => ({ ...f.patch, wrapper: undefined })));
      this.registry.define(JSON.stringify({ prefix, module: filename, functions }), globalThis);
    }
  }

  /** Whether a function of `module` named `name` (as its source names it) was patched. */
  reaches({ module, name }: { module: string; name: string }): boolean {
    return this.names.has(`${module}#${name}`) || this.names.has(`${module}#exports.${name}`);
  }

  private readonly pendingByPrefix = new Map<string, Patch[]>();

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

function isClass(fn: Function): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}
