import { performance } from 'node:perf_hooks';
import { readEnv } from '../config/env.js';
import { connectOpenTelemetry } from '../otel/index.js';
import {
  attach,
  attachments,
  functions,
  type AttachHandle,
  type CallContext,
  type ControlPoint,
  type FunctionEntry,
} from '../runtime/internal.js';
import { isThenable } from './catalogue/util.js';
import { AuditTrail, type AuditCounters, type AuditEvent } from './audit.js';
import { registerEngine } from './engines.js';
import { RuleCallContext } from './context.js';
import { AuditError, OptionError, RuleError } from './errors.js';
import { isInterruption, runInterruptible } from './interrupt.js';
import { callerOrigin, ruleOrigin } from './origin.js';
import type { Rule, RuleSet } from './rules.js';
import { SafePoints, type ScheduleOptions, type ScheduledRepair } from './safepoints.js';
import { validateRule } from './validate.js';

export interface EngineOptions {
  /**
   * Path of the audit trail as JSON lines (default: $KHEIRON_AUDIT_FILE, else none). Given
   * here, a file that cannot be opened throws at once; from the environment, at `attach`.
   */
  readonly auditFile?: string;
}

export interface AttachOptions {
  /** The file the set was loaded from: errors name it, and the line of a rule's `id` in it. */
  readonly file?: string;
  /** What `importing()` returned before the set's module was imported: its hooks belong to the set. */
  readonly imported?: ImportScope;
}

/**
 * Runtime hooks attached while a rules module was being imported (a module that calls
 * `attach()` at its top level): they belong to its set. Refused, they are detached.
 */
export interface ImportScope {
  /** Detaches the hooks attached since `importing()`: the import was refused. */
  undo(): void;
}

/** A rule as the engine holds it once attached. */
export interface AttachedRule {
  readonly id: string;
  readonly set: string;
  readonly functions: readonly FunctionEntry[];
  /** Functions the rule selects that could not be made attachable (prepared at attach), and why. */
  readonly unreached: readonly { entry: FunctionEntry; reason: string }[];
  readonly calls: number;
  readonly failures: number;
  readonly active: boolean;
}

interface Live {
  rule: Rule;
  set: string;
  handle: AttachHandle;
  calls: number;
  failures: number;
  inARow: number;
  active: boolean;
  /** The control point that counts a call. */
  first: ControlPoint;
  /** The outcomes of the last WINDOW control-point runs (1 = failed), how many failed, and how many may. */
  window: Uint8Array | undefined;
  at: number;
  failing: number;
  maxFailing: number;
  /** Rule errors recorded in the current second, and those folded into a count. */
  errorsSince: number;
  errorsInSecond: number;
  suppressed: number;
  lastSuppressed: unknown;
  /** A hook attached while the set's module was imported, not a rule of the set. */
  importTime?: boolean;
}

const POINTS = ['before', 'after', 'onThrow'] as const;
type Run = () => unknown;
const DEFAULT_MAX_FAILURES = 5;
const DEFAULT_MAX_FAILURE_RATE = 0.1;
const WINDOW = 100;
const DEFAULT_BUDGET_MS = 50;
/** Rule errors of one rule written in full per second; more are counted, then written as one event. */
const RULE_ERRORS_PER_SECOND = 10;
let importTimeIds = 0;

/**
 * The repair engine: attaches sets of rules all or nothing, runs them in a defined order,
 * isolates their failures, and records everything in the audit trail.
 */
export class RepairEngine {
  readonly audit: AuditTrail;
  private readonly live = new Map<string, Live>();
  private readonly safePoints: SafePoints;

  constructor(options: EngineOptions = {}) {
    this.audit = new AuditTrail(options.auditFile ?? readEnv('KHEIRON_AUDIT_FILE'));
    if (options.auditFile !== undefined && this.audit.error) throw new AuditError(this.audit.error);
    this.safePoints = new SafePoints(this.audit);
    registerEngine(this);
    // Audit events also go to OpenTelemetry, when the application has @opentelemetry/api.
    void connectOpenTelemetry();
  }

  /**
   * Call before importing a rules module; pass the result to `attach`. Hooks the module
   * attaches with the runtime's `attach()` while it is imported then belong to its set:
   * listed by `rules()`, detached with it, and detached again if the set is refused.
   */
  importing(): ImportScope {
    const since = Math.max(0, ...attachments().map((h) => h.id));
    const scope = {
      since,
      undo: () => {
        for (const handle of this.importedSince(since)) handle.detach();
      },
    };
    return scope;
  }

  private importedSince(since: number): AttachHandle[] {
    const owned = new Set([...this.live.values()].map((l) => l.handle));
    return attachments().filter((h) => h.id > since && !owned.has(h));
  }

  /**
   * Validates every rule of the set first (ids, selectors, options, and that rules which
   * run the original can reach it); one bad rule attaches nothing and throws RuleError.
   */
  attach(input: RuleSet | readonly Rule[], options: AttachOptions = {}): AttachedRule[] {
    try {
      return this.attachSet(input, options);
    } catch (error) {
      options.imported?.undo();
      throw error;
    }
  }

  private attachSet(input: RuleSet | readonly Rule[], options: AttachOptions): AttachedRule[] {
    const set: RuleSet = Array.isArray(input) ? { name: 'rules', rules: input } : (input as RuleSet);
    if (!set || !Array.isArray(set.rules))
      throw new OptionError('kheiron: engine.attach() takes a rule set (defineRules(...)) or an array of rules');
    if (this.audit.error) throw new AuditError(this.audit.error);
    // Where rules without an origin of their own were written: the set's file, else the caller's.
    const caller = set.origin ?? options.file ?? callerOrigin();
    const taken = new Set(this.live.keys());
    const inSet = new Map<string, Rule>();
    const where = (rule: Rule): string | undefined => ruleOrigin(rule, caller);
    const plans = set.rules.map((rule) => {
      const matches = validateRule(rule, taken, where, inSet, set.name);
      inSet.set(rule.id, rule);
      if (rule.invokes) refuseUnreachable(rule, matches, where(rule));
      return { rule, matches };
    });
    const attached: Live[] = [];
    try {
      for (const { rule, matches } of plans) attached.push(this.attachRule(rule, set.name, matches));
    } catch (error) {
      for (const live of attached) this.remove(live, undefined);
      throw error;
    }
    if (options.imported) {
      for (const handle of this.importedSince((options.imported as ImportScope & { since: number }).since)) {
        const id = `${set.name}:import-time#${++importTimeIds}`;
        const live = this.newLive({ id, target: '(attached while its module was imported)', before() {} }, set.name);
        live.handle = handle;
        live.importTime = true;
        this.live.set(id, live);
        attached.push(live);
      }
    }
    for (const live of attached) {
      this.audit.record('attach', {
        rule: live.rule.id,
        set: set.name,
        detail: {
          functions: live.handle.functions.map((f) => f.name),
          ...(live.importTime ? { importTime: true } : {}),
        },
      });
    }
    // The set's own rules; its import-time hooks are listed by rules().
    return attached.filter((live) => !live.importTime).map((live) => this.describe(live));
  }

  /** Detaches rules by id; with no ids, every rule. Returns the ids detached. */
  detach(...ids: string[]): string[] {
    const targets = ids.length === 0 ? [...this.live.values()] : ids.map((id) => this.live.get(id));
    const unknown = ids.filter((id) => !this.live.has(id));
    if (unknown.length > 0)
      throw new Error(`kheiron: no attached rule with id ${unknown.map((id) => `'${id}'`).join(', ')}`);
    return targets.map((live) => this.remove(live!, 'detach'));
  }

  /** Detaches every rule of a set. */
  detachSet(name: string): string[] {
    const ids = [...this.live.values()].filter((l) => l.set === name).map((l) => l.rule.id);
    if (ids.length === 0) throw new Error(`kheiron: no attached rule set named '${name}'`);
    return this.detach(...ids);
  }

  rules(): AttachedRule[] {
    return [...this.live.values()].map((live) => this.describe(live));
  }

  /**
   * Events per type, and `dropped` (not written: the audit file failed) and `suppressed` (rule errors folded into a
   * count).
   */
  counters(): AuditCounters {
    return { ...this.audit.counters };
  }

  /** Why the audit file cannot be written, if it cannot (events are then counted as `dropped`). */
  auditError(): string | undefined {
    return this.audit.error;
  }

  events(): AuditEvent[] {
    return this.audit.events();
  }

  /** Runs `repair` at the next safe point of `options.target` (an instance or a class). */
  schedule<T extends object>(repair: (target: T) => void, options: ScheduleOptions<T>): ScheduledRepair {
    return this.safePoints.schedule(repair, options);
  }

  private newLive(rule: Rule, set: string): Live {
    const rate = rule.maxFailureRate ?? DEFAULT_MAX_FAILURE_RATE;
    return {
      rule,
      set,
      handle: undefined as unknown as AttachHandle,
      calls: 0,
      failures: 0,
      inARow: 0,
      active: true,
      first: rule.before ? 'before' : rule.around ? 'around' : rule.after ? 'after' : 'onThrow',
      window: undefined,
      at: 0,
      failing: 0,
      maxFailing: Math.floor(rate * WINDOW),
      errorsSince: 0,
      errorsInSecond: 0,
      suppressed: 0,
      lastSuppressed: undefined,
    };
  }

  private attachRule(rule: Rule, set: string, matches: (entry: FunctionEntry) => boolean): Live {
    const live = this.newLive(rule, set);
    const hooks: Partial<Record<Exclude<ControlPoint, 'around'>, (ctx: CallContext) => void>> = {};
    for (const point of POINTS) {
      const fn = rule[point];
      if (fn) hooks[point] = (ctx) => this.run(live, point, fn, ctx);
    }
    const around = rule.around;
    const aroundHook = around && ((ctx: CallContext, run: Run) => this.runAround(live, around, ctx, run));
    live.handle = attach({
      target: matches,
      priority: rule.priority ?? 0,
      ...hooks,
      ...(aroundHook && { around: aroundHook }),
    });
    this.live.set(rule.id, live);
    return live;
  }

  /**
   * One control point of one rule: timed, its own exceptions caught and counted, and so the
   * rejection of a promise it returns. Interrupted at its budget if the rule asks for it.
   */
  private run(live: Live, point: ControlPoint, fn: (ctx: RuleCallContext) => unknown, ctx: CallContext): void {
    if (!live.active) return;
    // Counted at the rule's first control point: an onThrow-only rule counts the failed calls.
    if (point === live.first) live.calls++;
    const { rule } = live;
    const entry = ctx.entry;
    const view = this.view(live, point, ctx);
    const budget = rule.budgetMs ?? DEFAULT_BUDGET_MS;
    const started = performance.now();
    try {
      const returned = rule.interrupt ? runInterruptible(budget, () => fn.call(rule, view)) : fn.call(rule, view);
      if (returned !== undefined && isThenable(returned)) {
        // An async hook: its outcome counts when it settles.
        returned.then(
          () => void (live.active && this.outcome(live, false)),
          (error: unknown) => {
            try {
              if (live.active) this.failed(live, point, entry, error);
            } catch {
              // the engine's own bookkeeping: nothing may reach the application from here
            }
          },
        );
      } else this.outcome(live, false);
    } catch (error) {
      if (rule.interrupt && isInterruption(error)) {
        this.failed(live, point, entry, error, false);
        if (live.active)
          this.remove(live, 'self-detach', {
            reason: `overran its time budget at '${point}' of ${entry.name} and was interrupted, budget ${budget} ms`,
          });
        return;
      }
      this.failed(live, point, entry, error);
      if (!live.active) return;
    }
    this.checkBudget(live, point, entry, performance.now() - started);
  }

  /**
   * A rule's `around`: its outcome passes through as the body's, and so does an error of the
   * body that reaches it through `run()`; its own exception is a failure of the rule, and the
   * call goes on as if it had let the body run. The body's time is not the rule's.
   */
  private runAround(live: Live, fn: NonNullable<Rule['around']>, ctx: CallContext, run: Run): unknown {
    if (!live.active) return run;
    if (live.first === 'around') live.calls++;
    let body: { value?: unknown; error?: unknown; ms: number } | undefined;
    const runBody = (): unknown => {
      if (live.rule.invokes !== true)
        throw new OptionError(
          `kheiron: rule '${live.rule.id}' calls run() without declaring 'invokes: true' (the attach checks that ` +
            `the targets of such a rule can be run again)`,
        );
      const started = performance.now();
      body = { ms: 0 };
      try {
        return (body.value = run());
      } catch (error) {
        throw (body.error = error);
      } finally {
        body.ms = performance.now() - started;
      }
    };
    const started = performance.now();
    try {
      const outcome = fn.call(live.rule, this.view(live, 'around', ctx), runBody);
      this.outcome(live, false);
      return outcome === runBody ? run : outcome;
    } catch (error) {
      if (body && 'error' in body && body.error === error) throw error;
      this.failed(live, 'around', ctx.entry, error);
      return body ? body.value : run;
    } finally {
      if (live.active) this.checkBudget(live, 'around', ctx.entry, performance.now() - started - (body?.ms ?? 0));
    }
  }

  private view(live: Live, point: ControlPoint, ctx: CallContext): RuleCallContext {
    const { rule, set } = live;
    const { entry } = ctx;
    const record = (type: 'check-failed' | 'repair' | 'injected', detail?: Record<string, unknown>): void =>
      void this.audit.record(type, {
        rule: rule.id,
        set,
        function: entry.name,
        module: entry.module,
        detail: { point, ...detail },
      });
    const retire = (reason: string): void =>
      void setImmediate(() => live.active && this.remove(live, 'self-detach', { reason }));
    return new RuleCallContext(ctx, { id: rule.id, set }, record, rule.invokes === true, retire);
  }

  private checkBudget(live: Live, point: ControlPoint, entry: FunctionEntry, took: number): void {
    const budget = live.rule.budgetMs ?? DEFAULT_BUDGET_MS;
    if (took > budget && live.active) {
      this.remove(live, 'self-detach', {
        reason: `overran its time budget: ${took.toFixed(1)} ms at '${point}' of ${entry.name}, budget ${budget} ms`,
      });
    }
  }

  /** Counts one run of a rule's control point; a failure rate over the window detaches it. */
  private outcome(live: Live, failed: boolean): void {
    if (!failed) {
      live.inARow = 0;
      // Nothing to count until the first failure: a rule that never fails keeps no window.
      if (live.window === undefined) return;
    }
    const window = (live.window ??= new Uint8Array(WINDOW));
    live.failing += (failed ? 1 : 0) - window[live.at]!;
    window[live.at] = failed ? 1 : 0;
    live.at = (live.at + 1) % WINDOW;
  }

  /** A rule's own failure: counted, recorded (at most RULE_ERRORS_PER_SECOND in full), perhaps its self-detach. */
  private failed(live: Live, point: ControlPoint, entry: FunctionEntry, error: unknown, detach = true): void {
    live.failures++;
    live.inARow++;
    this.outcome(live, true);
    const { rule } = live;
    const now = Date.now();
    if (now - live.errorsSince >= 1000) {
      this.flushSuppressed(live);
      live.errorsSince = now;
      live.errorsInSecond = 0;
    }
    if (++live.errorsInSecond <= RULE_ERRORS_PER_SECOND) {
      this.audit.record('rule-error', {
        rule: rule.id,
        set: live.set,
        function: entry.name,
        module: entry.module,
        detail: { point, error, inARow: live.inARow, failures: live.failures },
      });
    } else {
      if (live.suppressed++ === 0)
        setTimeout(() => this.flushSuppressed(live), 1000 - (now - live.errorsSince)).unref();
      live.lastSuppressed = error;
      this.audit.counters.suppressed++;
    }
    if (!detach) return;
    const maxFailures = rule.maxFailures ?? DEFAULT_MAX_FAILURES;
    if (live.inARow >= maxFailures)
      this.remove(live, 'self-detach', { reason: `failed ${live.inARow} times in a row`, error });
    else if (live.failing > live.maxFailing)
      this.remove(live, 'self-detach', {
        reason: `failed ${live.failing} of its last ${WINDOW} control-point runs`,
        error,
      });
  }

  /** The rule errors folded into a count: one event for them. */
  private flushSuppressed(live: Live): void {
    if (live.suppressed === 0) return;
    const suppressed = live.suppressed;
    live.suppressed = 0;
    this.audit.record('rule-error', {
      rule: live.rule.id,
      set: live.set,
      detail: { suppressed, withinMs: 1000, lastError: live.lastSuppressed, failures: live.failures },
    });
    live.lastSuppressed = undefined;
  }

  private remove(live: Live, type: 'detach' | 'self-detach' | undefined, detail?: Record<string, unknown>): string {
    live.active = false;
    live.handle.detach();
    this.live.delete(live.rule.id);
    this.flushSuppressed(live);
    if (type) this.audit.record(type, { rule: live.rule.id, set: live.set, detail });
    return live.rule.id;
  }

  private describe(live: Live): AttachedRule {
    return {
      id: live.rule.id,
      set: live.set,
      get functions() {
        return live.handle.functions;
      },
      get unreached() {
        return live.handle.unreached;
      },
      get calls() {
        return live.calls;
      },
      get failures() {
        return live.importTime ? live.handle.errors : live.failures;
      },
      get active() {
        return live.active;
      },
    };
  }
}

/** A rule that runs the original again, on functions whose original cannot be reached: refused, saying why. */
function refuseUnreachable(rule: Rule, matches: (entry: FunctionEntry) => boolean, origin: string | undefined): void {
  const unreachable = functions(matches).filter((e) => !e.reinvocable);
  if (unreachable.length === 0) return;
  const why = unreachable.every((e) => e.prepared === 'live-edit')
    ? 'prepared in place over V8 LiveEdit in a process started without Kheiron, which keeps no copy of the original'
    : unreachable.every((e) => e.prepared === 'at-attach')
      ? 'prepared at attach over V8 LiveEdit, whose edit cannot name the function from inside it (only ' +
        'methods of named classes are found on `this`); prepare it at load (KHEIRON_PREPARE=load, or ' +
        'attach the rule before its module loads)'
      : 'an anonymous function or a private method: name it, or target a named caller';
  throw new RuleError(
    rule.id,
    origin,
    `it runs the original function again, which is not possible for ` +
      `${unreachable.map((e) => e.name).join(', ')} (${why})`,
  );
}
