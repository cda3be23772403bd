/** The repair engine: rules, the catalogue, safe points, the audit trail. */
export {
  RepairEngine,
  type AttachedRule,
  type AttachOptions as EngineAttachOptions,
  type EngineOptions,
  type ImportScope,
} from './engine.js';
export { sharedEngine } from './shared.js';
export {
  defineRules,
  rule,
  type Rule,
  type RuleContext,
  type RuleSet,
  type Selector,
  type SelectorFields,
} from './rules.js';
export { AuditError, OptionError, RuleError } from './errors.js';
export { AUDIT_CHANNEL, type AuditEvent, type AuditType, type AuditCounters } from './audit.js';
export type { ScheduleOptions, ScheduledRepair } from './safepoints.js';
export * from './catalogue/index.js';
