import type { CallContext, FunctionEntry, Selector } from '../runtime/internal.js';

export type { Selector, SelectorFields } from '../runtime/internal.js';
import { callerOrigin, markSetOrigin } from './origin.js';

export type FunctionKind = FunctionEntry['kind'];

/** What a rule sees at a control point: the call context, plus the engine's bookkeeping. */
export interface RuleContext<This = any, Args extends unknown[] = any[], Result = any> extends CallContext<
  This,
  Args,
  Result
> {
  /**
   * The attempt of this call that the rule sees: always 1, since a retry runs the original with the hooks off for that
   * call (retry's `when` gets the attempt number).
   */
  readonly attempt: number;
  readonly rule: { readonly id: string; readonly set: string };
  /** Records a failed consistency check in the audit trail. */
  checkFailed(detail?: Record<string, unknown>): void;
  /** Records a repair performed in the audit trail. */
  repaired(detail?: Record<string, unknown>): void;
  /** Records a fault the rule injected (an `injected` event, counted apart from repairs). */
  injected(detail?: Record<string, unknown>): void;
  /** Detaches the rule once the current call is over (a `self-detach` event with `reason`). */
  selfDetach(reason: string): void;
}

export interface Rule<This = any, Args extends unknown[] = any[], Result = any> {
  /** Unique among attached rules; names the rule in errors, the audit trail and `detach`. */
  readonly id: string;
  readonly target: Selector;
  /** Higher runs first at each control point; equal priorities run in attach order. */
  readonly priority?: number;
  /** The rule detaches itself after this many failures of its own in a row (default 5). */
  readonly maxFailures?: number;
  /**
   * The rule detaches itself when more than this fraction of its last 100 control-point runs
   * failed, in a row or not (default 0.1: more than 10 of the last 100; 1 turns it off).
   */
  readonly maxFailureRate?: number;
  /** The rule detaches itself when one control point takes longer than this (ms, default 50). */
  readonly budgetMs?: number;
  /**
   * A control point that overruns `budgetMs` is interrupted (run under a `node:vm` timeout),
   * counted as a rule error, and the rule detaches itself. Costs about 0.3-0.5 ms per
   * control-point run (a watchdog thread per run): for rules that could loop, not hot paths.
   */
  readonly interrupt?: boolean;
  /** The rule runs the original again (`ctx.invoke`): its targets must be reinvocable. */
  readonly invokes?: boolean;
  before?(ctx: RuleContext<This, Args, Result>): void;
  /**
   * Stands for the body, after every rule's `before`: returns the body's outcome (calling
   * `run()` runs the `around` hooks after it and the body; needs `invokes: true`) or `run`
   * itself, uncalled, to let the body run as it would.
   */
  around?(ctx: RuleContext<This, Args, Result>, run: () => Result): Result | (() => Result);
  after?(ctx: RuleContext<This, Args, Result>): void;
  onThrow?(ctx: RuleContext<This, Args, Result>): void;
  /** Where the rule was written (`file:line`), for errors; filled in when rules are defined. */
  readonly origin?: string;
}

export interface RuleSet {
  readonly name: string;
  readonly rules: readonly Rule[];
  readonly origin?: string;
}

/**
 * The default export of a rules module. Takes rules or lists of rules (as the catalogue
 * returns them), optionally preceded by the set's name.
 */
export function defineRules(...items: (string | Rule | readonly Rule[])[]): RuleSet {
  const origin = callerOrigin();
  let name = origin ?? 'rules';
  if (typeof items[0] === 'string') name = items.shift() as string;
  // An object literal's origin is the line of its own `id` (found when an error names it).
  const rules = (items as (Rule | readonly Rule[])[])
    .flat()
    .map((rule) =>
      rule && typeof rule === 'object' && !rule.origin && origin ? markSetOrigin({ ...rule, origin }) : rule,
    );
  return { name, rules, origin };
}

/** Types a single rule, with the signature of the functions it targets. */
export function rule<This = any, Args extends unknown[] = any[], Result = any>(
  definition: Rule<This, Args, Result>,
): Rule<This, Args, Result> {
  return definition.origin ? definition : { ...definition, origin: callerOrigin() };
}
