import { performance } from 'node:perf_hooks';
import type { Rule, RuleContext, Selector } from '../rules.js';
import { PRIORITY, catalogueRule, type RuleOptions } from './util.js';

export interface ObservedStats {
  calls: number;
  /** Calls that failed for their caller. */
  errors: number;
  /** Calls whose body failed and a rule recovered (a retry, a fallback): not errors. */
  recovered: number;
  /** Calls another rule ended before this one's `before` ran (a skip): counted, not timed. */
  untimed: number;
  /** Latency histogram: upper bounds in ms (powers of two) and counts; the last bucket is open. */
  histogram: { le: number; count: number }[];
}

export interface ObserveRule extends Rule {
  /** Per function name. */
  stats(): Record<string, ObservedStats>;
}

const BOUNDS = Array.from({ length: 16 }, (_, i) => 2 ** (i - 4)); // 1/16 ms .. 2048 ms

/**
 * Call counts, errors and a latency histogram per function (async: until settled). It runs
 * last (PRIORITY.observe): it sees the outcome the caller gets, and times the body without
 * the other rules' `before`.
 *
 * @example const seen = observe('Api.prototype.*'); ... seen.stats()
 */
export function observe(target: Selector, options: RuleOptions = {}): ObserveRule {
  const stats: Record<string, ObservedStats> = {};
  const of = (name: string): ObservedStats =>
    (stats[name] ??= {
      calls: 0,
      errors: 0,
      recovered: 0,
      untimed: 0,
      histogram: [...BOUNDS.map((le) => ({ le, count: 0 })), { le: Infinity, count: 0 }],
    });
  const done = (ctx: RuleContext, failed: boolean): void => {
    const s = of(ctx.entry.name);
    s.calls++;
    if (failed && ctx.recovered) s.recovered++;
    else if (failed) s.errors++;
    const started = ctx.state.started as number | undefined;
    if (started === undefined) {
      s.untimed++;
      return;
    }
    const ms = performance.now() - started;
    s.histogram.find((b) => ms <= b.le)!.count++;
  };
  const rule = catalogueRule('observe', target, options, [], {
    priority: options.priority ?? PRIORITY.observe,
    before(ctx: RuleContext) {
      ctx.state.started = performance.now();
    },
    after: (ctx: RuleContext) => done(ctx, false),
    onThrow: (ctx: RuleContext) => done(ctx, true),
  });
  return Object.defineProperty(rule, 'stats', {
    value: () => structuredClone(stats),
    enumerable: false,
  }) as ObserveRule;
}
