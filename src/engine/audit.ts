import { channel } from 'node:diagnostics_channel';
import { closeSync, constants, fstatSync, openSync, writeSync } from 'node:fs';

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
  ) {
    // An audit file that cannot be trusted is an error now, not silence later.
    if (file) closeSync(openAuditFile(file));
  }

  record(type: AuditType, fields: Omit<AuditEvent, 'time' | 'type'> = {}): AuditEvent {
    const event: AuditEvent = { time: new Date().toISOString(), type, ...fields };
    this.counters[type]++;
    this.tail.push(event);
    if (this.tail.length > this.keep) this.tail.shift();
    if (this.file) {
      try {
        const fd = openAuditFile(this.file);
        try {
          writeSync(fd, `${JSON.stringify(event, replacer)}\n`);
        } finally {
          closeSync(fd);
        }
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

/**
 * Opens the audit file to append to it: never through a symbolic link at its name
 * (O_NOFOLLOW), never blocking on a FIFO (O_NONBLOCK), created owner-only (0600). An
 * existing file is refused unless it is a regular file of this user's, with one link and
 * no permission for group or others: the trail records arguments, results and errors.
 */
export function openAuditFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new Error(`kheiron: audit file ${path} is a symbolic link: refused (audit files are opened without following links)`);
    throw new Error(`kheiron: cannot open audit file ${path}: ${(error as Error).message}`);
  }
  const stat = fstatSync(fd);
  const uid = process.getuid?.();
  const problem = !stat.isFile()
    ? 'is not a regular file'
    : uid !== undefined && stat.uid !== uid
      ? `belongs to uid ${stat.uid}, not to this user (uid ${uid})`
      : (stat.mode & 0o077) !== 0
        ? `is open to other users (mode ${(stat.mode & 0o777).toString(8)})`
        : stat.nlink !== 1
          ? `has ${stat.nlink} links`
          : undefined;
  if (problem !== undefined) {
    closeSync(fd);
    throw new Error(`kheiron: audit file ${path} ${problem}: refused; use a file of your own with mode 600 (chmod 600 ${path}), or a new path`);
  }
  return fd;
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (typeof value === 'bigint') return value.toString();
  return value;
}
