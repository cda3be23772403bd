import type { CallContext, ControlPoint, FunctionEntry } from '../runtime/internal.js';
import type { RuleContext } from './rules.js';
import { OptionError } from './errors.js';

/** A rule's view of one call at one control point; forwards to the runtime's context. */
export class RuleCallContext implements RuleContext {
  constructor(
    private readonly ctx: CallContext,
    readonly rule: { readonly id: string; readonly set: string },
    private readonly report: (type: 'check-failed' | 'repair' | 'injected', detail?: Record<string, unknown>) => void,
    private readonly invokes = false,
    private readonly retire: (reason: string) => void = () => {},
  ) {}

  get entry(): FunctionEntry {
    return this.ctx.entry;
  }
  get point(): ControlPoint {
    return this.ctx.point;
  }
  get this(): any {
    return this.ctx.this;
  }
  get args(): any {
    return this.ctx.args;
  }
  get result(): any {
    return this.ctx.result;
  }
  get error(): unknown {
    return this.ctx.error;
  }
  get skipped(): boolean {
    return this.ctx.skipped;
  }
  get recovered(): boolean {
    return this.ctx.recovered;
  }
  get state(): Record<string, unknown> {
    return this.ctx.state;
  }
  get attempt(): number {
    // Rules see each call once: a retry runs the original with the hooks off for that call.
    return 1;
  }
  skip(result: unknown): void {
    this.ctx.skip(result);
  }
  replaceArgs(...args: unknown[]): void {
    this.ctx.replaceArgs(...args);
  }
  replaceResult(value: unknown): void {
    this.ctx.replaceResult(value);
  }
  recover(value: unknown): void {
    this.ctx.recover(value);
  }
  rethrow(error: unknown): void {
    this.ctx.rethrow(error);
  }
  invoke(...args: unknown[]): unknown {
    if (!this.invokes) {
      throw new OptionError(
        `kheiron: rule '${this.rule.id}' calls ctx.invoke() without declaring 'invokes: true' (the attach checks ` +
          `that the targets of such a rule can be run again)`,
      );
    }
    return this.ctx.invoke(...args);
  }
  checkFailed(detail?: Record<string, unknown>): void {
    this.report('check-failed', detail);
  }
  repaired(detail?: Record<string, unknown>): void {
    this.report('repair', detail);
  }
  injected(detail?: Record<string, unknown>): void {
    this.report('injected', detail);
  }
  selfDetach(reason: string): void {
    this.retire(reason);
  }
}
