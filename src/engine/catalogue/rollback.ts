import type { Rule, Selector } from '../rules.js';
import { PRIORITY, catalogueRule, type RuleOptions } from './util.js';
import { OptionError } from '../errors.js';

export interface RollbackOptions extends RuleOptions {
  /** The fields of `this` to snapshot (default: all own enumerable fields). */
  readonly fields?: readonly string[];
}

/**
 * Snapshots the state of `this` before the call and restores it when the call throws,
 * so a failed operation leaves no half-done change behind. Shallow: nested objects are
 * restored by reference. For async functions, restores when the promise rejects.
 *
 * @example rollback('Account.prototype.transfer', { fields: ['balance', 'log'] })
 */
export function rollback(target: Selector, options: RollbackOptions = {}): Rule {
  if (
    options?.fields !== undefined &&
    !(Array.isArray(options.fields) && options.fields.every((f) => typeof f === 'string'))
  )
    throw new OptionError('kheiron: rollback() fields must be an array of property names');
  return catalogueRule('rollback', target, options, ['fields'], {
    priority: options.priority ?? PRIORITY.restore,
    before(ctx) {
      const self = ctx.this as Record<string, unknown> | undefined;
      if (self === null || typeof self !== 'object') return;
      const keys = options.fields ?? Object.keys(self);
      ctx.state.snapshot = keys.map((key): Saved => ({
        key,
        had: Object.prototype.hasOwnProperty.call(self, key),
        value: self[key],
        contents: contents(self[key]),
      }));
    },
    onThrow(ctx) {
      const self = ctx.this as Record<string, unknown>;
      const snapshot = ctx.state.snapshot as Saved[] | undefined;
      if (!snapshot || ctx.recovered) return;
      for (const saved of snapshot) {
        if (saved.had) self[saved.key] = saved.value;
        else delete self[saved.key];
        if (saved.contents) restore(saved.value, saved.contents);
      }
      if (!options.fields)
        for (const key of Object.keys(self)) if (!snapshot.some((s) => s.key === key)) delete self[key];
      ctx.repaired({ restored: snapshot.map((s) => s.key) });
    },
  });
}

interface Saved {
  key: string;
  had: boolean;
  value: unknown;
  contents: unknown[] | undefined;
}

/** Arrays, Maps and Sets keep their identity; their contents are saved one level deep. */
function contents(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value.slice();
  if (value instanceof Map || value instanceof Set) return [...value.entries()];
  return undefined;
}

function restore(value: unknown, saved: unknown[]): void {
  if (Array.isArray(value)) value.splice(0, value.length, ...saved);
  else if (value instanceof Map) {
    value.clear();
    for (const [k, v] of saved as [unknown, unknown][]) value.set(k, v);
  } else if (value instanceof Set) {
    value.clear();
    for (const [k] of saved as [unknown, unknown][]) value.add(k);
  }
}
