import { channel } from 'node:diagnostics_channel';
import { closeSync, constants, fstatSync, openSync, writeSync } from 'node:fs';
import { reason, toPlain } from './serialize.js';

export type AuditType =
  | 'attach'
  | 'detach'
  | 'self-detach'
  | 'check-failed'
  | 'repair'
  | 'injected'
  | 'rule-error'
  | 'scheduled'
  | 'safe-point';

/** One line of the audit trail: plain JSON data (see `toPlain`), whatever the values it was given. */
export interface AuditEvent {
  time: string;
  type: AuditType;
  rule?: string;
  set?: string;
  function?: string;
  module?: string;
  detail?: Record<string, unknown>;
}

export type AuditCounters = Record<AuditType, number> & {
  /** Events that could not be written to the audit file (the file failed). */
  dropped: number;
  /** Rule errors folded into a count because one rule failed too often (see the engine). */
  suppressed: number;
};

/** Published for every audit event: OpenTelemetry or any logger can subscribe. */
export const AUDIT_CHANNEL = 'kheiron:audit';

const audit = channel(AUDIT_CHANNEL);

/** Trails with a file open: what they hold for the end of the turn is written at exit. */
const open = new Set<AuditTrail>();
let exitHook = false;
function flushAtExit(trail: AuditTrail): void {
  open.add(trail);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const t of open) t.flush();
  });
}

/** Lines written to the file one by one in an event-loop turn; more are written together at its end. */
const SYNC_LINES_PER_TURN = 8;
/** Bytes held for the end of the turn at most; more are written at once. */
const MAX_PENDING_BYTES = 256 * 1024;

/**
 * Every attach, detach, failed check, repair and self-detach: as a JSON line in a file, as a
 * diagnostics_channel event, in counters, and in a bounded in-memory tail. Every value is
 * made plain data first (`toPlain`: circular, BigInt, Proxy, throwing getters and toJSON
 * become markers), so an event is always written.
 *
 * The file is opened when the trail is made (owner-only when created, never through a
 * symbolic link); a file that cannot be opened is an error (`check()`), never silence. The
 * first lines of an event-loop turn are written synchronously, one by one (nothing is lost
 * when the process dies next); a flood within one turn is written in one piece at its end.
 */
export class AuditTrail {
  readonly counters: AuditCounters = {
    attach: 0,
    detach: 0,
    'self-detach': 0,
    'check-failed': 0,
    repair: 0,
    injected: 0,
    'rule-error': 0,
    scheduled: 0,
    'safe-point': 0,
    dropped: 0,
    suppressed: 0,
  };
  private readonly tail: AuditEvent[] = [];
  private fd: number | undefined;
  /** Why the file cannot be opened or written, if it cannot. */
  private failure: string | undefined;
  private pending: string[] = [];
  private pendingBytes = 0;
  private linesThisTurn = 0;
  private turnEnd: NodeJS.Immediate | undefined;

  constructor(
    readonly file: string | undefined,
    private readonly keep = 1000,
  ) {
    if (!file) return;
    try {
      this.fd = openAuditFile(file);
      flushAtExit(this);
    } catch (error) {
      this.failure = (error as Error).message.replace(/^kheiron: /, '');
    }
  }

  /** Why the audit file cannot be written, if it cannot. */
  get error(): string | undefined {
    return this.failure;
  }

  record(type: AuditType, fields: Omit<AuditEvent, 'time' | 'type'> = {}): AuditEvent {
    const event: AuditEvent = { time: new Date().toISOString(), type };
    if (fields.rule !== undefined) event.rule = String(fields.rule);
    if (fields.set !== undefined) event.set = String(fields.set);
    if (fields.function !== undefined) event.function = String(fields.function);
    if (fields.module !== undefined) event.module = String(fields.module);
    if (fields.detail !== undefined) event.detail = toPlain(fields.detail) as Record<string, unknown>;
    this.counters[type]++;
    this.tail.push(event);
    if (this.tail.length > this.keep) this.tail.shift();
    if (this.fd !== undefined) this.write(`${JSON.stringify(event)}\n`);
    if (audit.hasSubscribers) audit.publish(event);
    return event;
  }

  /** The most recent events, oldest first. */
  events(): AuditEvent[] {
    return this.tail.slice();
  }

  /** Writes what is held for the end of the turn. */
  flush(): void {
    if (this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.writeNow(lines.join(''), lines.length);
  }

  private write(line: string): void {
    if (this.turnEnd === undefined) {
      this.turnEnd = setImmediate(() => {
        this.turnEnd = undefined;
        this.linesThisTurn = 0;
        this.flush();
      });
      this.turnEnd.unref();
    }
    if (++this.linesThisTurn <= SYNC_LINES_PER_TURN) {
      this.writeNow(line, 1);
      return;
    }
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes > MAX_PENDING_BYTES) this.flush();
  }

  private writeNow(text: string, lines: number): void {
    if (this.fd === undefined) {
      this.counters.dropped += lines;
      return;
    }
    try {
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at);
    } catch (error) {
      this.counters.dropped += lines;
      this.failure = `the audit file ${this.file} cannot be written: ${reason(error)}`;
    }
  }

  /** Closes the file (tests, and an engine that is done). */
  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    open.delete(this);
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
    fd = openSync(
      path,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK,
      0o600,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      throw new Error(
        `kheiron: audit file ${path} is a symbolic link: refused (audit files are opened without following links)`,
      );
    throw new Error(`kheiron: audit file ${path} cannot be opened: ${(error as Error).message}`);
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
    throw new Error(
      `kheiron: audit file ${path} ${problem}: refused; use a file of your own with mode 600 (chmod 600 ` +
        `${path}), or a new path`,
    );
  }
  return fd;
}
