import { attach, type AttachHandle, type CallContext, type FunctionEntry } from '../runtime/internal.js';
import type { AuditTrail } from './audit.js';
import type { Selector } from './rules.js';
import { compileRuleSelector } from './validate.js';
import { OptionError } from './errors.js';

export interface ScheduleOptions<T extends object> {
  /** The instance to repair, or a class: then every instance of it (and the class itself). */
  readonly target: T | (new (...args: any[]) => T);
  /**
   * Methods whose exit is a safe point. Default: those tagged `@kheiron-safe`, else any exit of a method while no other
   * prepared method of the instance is running.
   */
  readonly at?: Selector;
  /** A name for the audit trail. */
  readonly name?: string;
}

export interface ScheduledRepair {
  readonly done: Promise<void>;
  readonly pending: boolean;
  cancel(): void;
}

interface Pending {
  repair: (target: any) => void;
  target: object;
  isClass: boolean;
  at: ((entry: FunctionEntry) => boolean) | undefined;
  name: string;
  resolve: () => void;
  reject: (error: unknown) => void;
  settled: boolean;
}

const METHOD_KINDS = new Set(['method', 'getter', 'setter']);

/**
 * The seed's limitation solved: a repair is scheduled, and runs at the next point of the
 * program that is safe for it. While repairs are pending, a hook on every method tracks
 * how many methods of each instance are running; none are tracked otherwise.
 */
export class SafePoints {
  private readonly pending = new Set<Pending>();
  private readonly running = new WeakMap<object, number>();
  private handle: AttachHandle | undefined;

  constructor(private readonly audit: AuditTrail) {}

  schedule<T extends object>(repair: (target: T) => void, options: ScheduleOptions<T>): ScheduledRepair {
    if (typeof repair !== 'function') throw new OptionError('kheiron: schedule() takes a repair function');
    const target = options?.target;
    if (target === null || (typeof target !== 'object' && typeof target !== 'function'))
      throw new OptionError('kheiron: schedule() needs a target: an instance or a class');
    const at =
      options.at === undefined
        ? undefined
        : compileRuleSelector(options.at, (problem) => {
            throw new OptionError(`kheiron: schedule() 'at': ${problem}`);
          });
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const item: Pending = {
      repair,
      target,
      isClass: typeof target === 'function',
      at,
      name: options.name ?? (repair.name || 'repair'),
      resolve,
      reject,
      settled: false,
    };
    this.pending.add(item);
    this.audit.record('scheduled', { detail: { repair: item.name, target: describe(target) } });
    this.ensureHook();
    return {
      done,
      get pending() {
        return !item.settled;
      },
      cancel: () => {
        if (item.settled) return;
        item.settled = true;
        this.pending.delete(item);
        resolve();
        this.releaseHook();
      },
    };
  }

  private ensureHook(): void {
    if (this.handle) return;
    this.handle = attach({
      target: (entry) => METHOD_KINDS.has(entry.kind),
      // Outermost of all hooks: the count covers every other rule's work too.
      priority: Number.MAX_SAFE_INTEGER,
      before: (ctx) => this.enter(ctx),
      after: (ctx) => this.exit(ctx),
      onThrow: (ctx) => this.exit(ctx),
    });
  }

  private releaseHook(): void {
    if (this.pending.size === 0 && this.handle) {
      this.handle.detach();
      this.handle = undefined;
    }
  }

  private enter(ctx: CallContext): void {
    const self = ctx.this;
    if (self !== null && typeof self === 'object') this.running.set(self, (this.running.get(self) ?? 0) + 1);
  }

  private exit(ctx: CallContext): void {
    const self = ctx.this as object | undefined;
    if (self === null || (typeof self !== 'object' && typeof self !== 'function')) return;
    const depth = typeof self === 'object' ? (this.running.get(self) ?? 1) - 1 : 0;
    if (typeof self === 'object') this.running.set(self, depth);
    for (const item of [...this.pending]) {
      if (!this.concerns(item, self)) continue;
      const safe = item.at ? item.at(ctx.entry) : ctx.entry.safe || (depth === 0 && !this.hasDeclaredSafe(ctx.entry));
      if (!safe) continue;
      item.settled = true;
      this.pending.delete(item);
      try {
        item.repair(self);
        this.audit.record('safe-point', {
          function: ctx.entry.name,
          module: ctx.entry.module,
          detail: { repair: item.name, target: describe(self) },
        });
        item.resolve();
      } catch (error) {
        this.audit.record('rule-error', { function: ctx.entry.name, detail: { repair: item.name, error } });
        item.reject(error);
      }
    }
    this.releaseHook();
  }

  private concerns(item: Pending, self: object): boolean {
    if (!item.isClass) return item.target === self;
    return self === item.target || self instanceof (item.target as new () => unknown);
  }

  /** Whether the class of this method declares safe points of its own (`@kheiron-safe`). */
  private hasDeclaredSafe(entry: FunctionEntry): boolean {
    const owner = entry.name.replace(/^(get|set) /, '').split('.prototype.')[0];
    return this.declared(entry.module, owner ?? '');
  }

  private readonly declaredCache = new Map<string, boolean>();
  private declared(module: string, owner: string): boolean {
    const key = `${module}#${owner}`;
    let value = this.declaredCache.get(key);
    if (value === undefined) {
      value = false;
      for (const e of this.safeEntries())
        if (e.module === module && e.name.replace(/^(get|set) /, '').startsWith(`${owner}.`)) value = true;
      this.declaredCache.set(key, value);
    }
    return value;
  }

  private safeEntries(): FunctionEntry[] {
    return this.handle ? this.handle.functions.filter((e) => e.safe) : [];
  }
}

function describe(target: unknown): string {
  if (typeof target === 'function') return `class ${target.name}`;
  const name = (target as object | null)?.constructor?.name;
  return name ? `a ${name}` : typeof target;
}
