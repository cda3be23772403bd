import { channel } from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';

export type AuditType = 'attach' | 'detach' | 'self-detach' | 'check-failed' | 'repair' | 'rule-error' | 'scheduled' | 'safe-point';

/** One line of the audit trail. */
export interface AuditEvent {
  time: string;
  type: AuditType;
  rule?: string;
  set?: string;
  function?: string;
  module?: string;
  detail?: Record<string, unknown>;
}

export type AuditCounters = Record<AuditType, number>;

/** Published for every audit event: OpenTelemetry or any logger can subscribe. */
export const AUDIT_CHANNEL = 'kheiron:audit';

const audit = channel(AUDIT_CHANNEL);

/**
 * Every attach, detach, failed check, repair and self-detach: as a JSON line in a file
 * (written synchronously: nothing is lost when the process dies next), as a
 * diagnostics_channel event, in counters, and in a bounded in-memory tail.
 */
export class AuditTrail {
  readonly counters: AuditCounters = {
    attach: 0,
    detach: 0,
    'self-detach': 0,
    'check-failed': 0,
    repair: 0,
    'rule-error': 0,
    scheduled: 0,
    'safe-point': 0,
  };
  private readonly tail: AuditEvent[] = [];

  constructor(
    private readonly file: string | undefined,
    private readonly keep = 1000,
  ) {}

  record(type: AuditType, fields: Omit<AuditEvent, 'time' | 'type'> = {}): AuditEvent {
    const event: AuditEvent = { time: new Date().toISOString(), type, ...fields };
    this.counters[type]++;
    this.tail.push(event);
    if (this.tail.length > this.keep) this.tail.shift();
    if (this.file) {
      try {
        appendFileSync(this.file, `${JSON.stringify(event, replacer)}\n`, { mode: 0o600 });
      } catch {
        // the trail in memory and on the channel still has it
      }
    }
    if (audit.hasSubscribers) audit.publish(event);
    return event;
  }

  /** The most recent events, oldest first. */
  events(): AuditEvent[] {
    return this.tail.slice();
  }
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (typeof value === 'bigint') return value.toString();
  return value;
}
