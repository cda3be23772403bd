import { RepairEngine } from './engine.js';
import { keepShared, madeShared } from './engines.js';

/**
 * The process-wide repair engine, made at the first call (with `$KHEIRON_AUDIT_FILE`): the
 * one the agent attaches to. Rules the application attaches here are listed by `kheiron
 * status` beside the CLI's, and detached by `kheiron detach`.
 */
export function sharedEngine(): RepairEngine {
  return madeShared() ?? keepShared(new RepairEngine());
}
