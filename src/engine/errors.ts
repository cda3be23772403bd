export { OptionError } from '../runtime/internal.js';

/** A rule that cannot be attached: names the rule, where it was written, and the problem. */
export class RuleError extends Error {
  constructor(
    readonly ruleId: string,
    readonly origin: string | undefined,
    readonly problem: string,
  ) {
    super(`rule '${ruleId}'${origin ? ` (${origin})` : ''}: ${problem}`);
    this.name = 'RuleError';
  }
  readonly code = 'ERR_KHEIRON_RULE';
}

/** The audit trail cannot be written: nothing is attached without it. */
export class AuditError extends Error {
  constructor(problem: string) {
    super(`kheiron: ${problem}`);
    this.name = 'AuditError';
  }
  readonly code = 'ERR_KHEIRON_AUDIT';
}
