import { performance } from 'node:perf_hooks';
import { connectOpenTelemetry } from '../otel/index.js';
import { attach, functions, type AttachHandle, type CallContext, type ControlPoint, type FunctionEntry } from '../runtime/index.js';
import { AuditTrail, type AuditCounters, type AuditEvent } from './audit.js';
import { RuleCallContext } from './context.js';
import { RuleError } from './errors.js';
import type { Rule, RuleSet } from './rules.js';
import { SafePoints, type ScheduleOptions, type ScheduledRepair } from './safepoints.js';
import { validateRule } from './validate.js';

export interface EngineOptions {
  /** Path of the audit trail as JSON lines (default: $KHEIRON_AUDIT_FILE, else none). */
  auditFile?: string;
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
}

const POINTS = ['before', 'after', 'onThrow'] as const;
const DEFAULT_MAX_FAILURES = 5;
const DEFAULT_BUDGET_MS = 50;

/**
 * The repair engine: attaches sets of rules all or nothing, runs them in a defined order,
 * isolates their failures, and records everything in the audit trail.
 */
export class RepairEngine {
  readonly audit: AuditTrail;
  private readonly live = new Map<string, Live>();
  private readonly safePoints: SafePoints;

  constructor(options: EngineOptions = {}) {
    this.audit = new AuditTrail(options.auditFile ?? process.env.KHEIRON_AUDIT_FILE);
    this.safePoints = new SafePoints(this.audit);
    // Audit events also go to OpenTelemetry, when the application has @opentelemetry/api.
    void connectOpenTelemetry();
  }

  /**
   * Validates every rule of the set first (ids, selectors, options, and that rules which
   * run the original can reach it); one bad rule attaches nothing and throws RuleError.
   */
  attach(input: RuleSet | readonly Rule[]): AttachedRule[] {
    const set: RuleSet = Array.isArray(input) ? { name: 'rules', rules: input } : (input as RuleSet);
    if (!set || !Array.isArray(set.rules)) throw new TypeError('kheiron: engine.attach() takes a rule set (defineRules(...)) or an array of rules');
    const taken = new Set(this.live.keys());
    const plans = set.rules.map((rule) => {
      const matches = validateRule(rule, taken);
      taken.add(rule.id);
      if (rule.invokes) {
        const unreachable = functions(matches).filter((e) => !e.reinvocable);
        if (unreachable.length > 0) {
          const why = unreachable.every((e) => e.prepared === 'live-edit')
            ? 'prepared in place over V8 LiveEdit in a process started without Kheiron, which keeps no copy of the original'
            : unreachable.every((e) => e.prepared === 'at-attach')
              ? "prepared at attach over V8 LiveEdit, whose edit cannot name the function from inside it (only methods of named classes are found on `this`); prepare it at load (KHEIRON_PREPARE=load, or attach the rule before its module loads)"
              : 'an anonymous function or a private method: name it, or target a named caller';
          throw new RuleError(rule.id, rule.origin, `it runs the original function again, which is not possible for ${unreachable.map((e) => e.name).join(', ')} (${why})`);
        }
      }
      return { rule, matches };
    });
    const attached: Live[] = [];
    try {
      for (const { rule, matches } of plans) attached.push(this.attachRule(rule, set.name, matches));
    } catch (error) {
      for (const live of attached) this.remove(live, undefined);
      throw error;
    }
    for (const live of attached) {
      this.audit.record('attach', { rule: live.rule.id, set: set.name, detail: { functions: live.handle.functions.map((f) => f.name) } });
    }
    return attached.map((live) => this.describe(live));
  }

  /** Detaches rules by id; with no ids, every rule. Returns the ids detached. */
  detach(...ids: string[]): string[] {
    const targets = ids.length === 0 ? [...this.live.values()] : ids.map((id) => this.live.get(id));
    const unknown = ids.filter((id) => !this.live.has(id));
    if (unknown.length > 0) throw new Error(`kheiron: no attached rule with id ${unknown.map((id) => `'${id}'`).join(', ')}`);
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

  counters(): AuditCounters {
    return { ...this.audit.counters };
  }

  events(): AuditEvent[] {
    return this.audit.events();
  }

  /** Runs `repair` at the next safe point of `options.target` (an instance or a class). */
  schedule<T extends object>(repair: (target: T) => void, options: ScheduleOptions<T>): ScheduledRepair {
    return this.safePoints.schedule(repair, options);
  }

  private attachRule(rule: Rule, set: string, matches: (entry: FunctionEntry) => boolean): Live {
    const live = { rule, set, calls: 0, failures: 0, inARow: 0, active: true } as Live;
    const hooks: Partial<Record<ControlPoint, (ctx: CallContext) => void>> = {};
    for (const point of POINTS) {
      const fn = rule[point];
      if (fn) hooks[point] = (ctx) => this.run(live, point, fn, ctx);
    }
    live.handle = attach({ target: matches, priority: rule.priority ?? 0, ...hooks });
    this.live.set(rule.id, live);
    return live;
  }

  /** One control point of one rule: timed, its own exceptions caught and counted. */
  private run(live: Live, point: ControlPoint, fn: (ctx: RuleCallContext) => void, ctx: CallContext): void {
    if (!live.active) return;
    // Counted at the rule's first control point: an onThrow-only rule counts the failed calls.
    if (point === (live.rule.before ? 'before' : live.rule.after ? 'after' : 'onThrow')) live.calls++;
    const { rule } = live;
    const where = { rule: rule.id, set: live.set, function: ctx.entry.name, module: ctx.entry.module };
    const view = new RuleCallContext(ctx, { id: rule.id, set: live.set }, (type, detail) => this.audit.record(type, { ...where, detail: { point, ...detail } }));
    const started = performance.now();
    try {
      fn.call(rule, view);
      live.inARow = 0;
    } catch (error) {
      live.failures++;
      live.inARow++;
      this.audit.record('rule-error', { ...where, detail: { point, error, inARow: live.inARow } });
      if (live.inARow >= (rule.maxFailures ?? DEFAULT_MAX_FAILURES)) {
        this.remove(live, 'self-detach', { reason: `failed ${live.inARow} times in a row`, error });
        return;
      }
    }
    const took = performance.now() - started;
    const budget = rule.budgetMs ?? DEFAULT_BUDGET_MS;
    if (took > budget && live.active) {
      this.remove(live, 'self-detach', { reason: `overran its time budget: ${took.toFixed(1)} ms at '${point}' of ${ctx.entry.name}, budget ${budget} ms` });
    }
  }

  private remove(live: Live, type: 'detach' | 'self-detach' | undefined, detail?: Record<string, unknown>): string {
    live.active = false;
    live.handle.detach();
    this.live.delete(live.rule.id);
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
        return live.failures;
      },
      get active() {
        return live.active;
      },
    };
  }
}
