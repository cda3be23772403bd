/**
 * The live view of one process: one connection to its agent that follows the audit trail
 * and asks for the status once a second. Each second becomes a sample of cumulative
 * counters per rule (calls, checks failed, repairs, rule errors) and for the process; the
 * last minutes of samples are kept, so a page that opens late still draws its charts.
 */
import type { AgentClient } from '../cli/client.js';
import { open } from './agents.js';

export interface RuleCounters {
  id: string;
  set: string;
  functions: string[];
  calls: number;
  checks: number;
  repairs: number;
  errors: number;
}

export interface Sample {
  /** Milliseconds since the epoch. */
  t: number;
  rules: RuleCounters[];
  /** The process's audit counters: attach, detach, check-failed, repair, rule-error, ... */
  counters: Record<string, number>;
}

export interface AuditEvent {
  time: string;
  type: string;
  rule?: string;
  set?: string;
  function?: string;
  module?: string;
  detail?: Record<string, unknown>;
}

/** Attach, detach and self-detach are few and tell the story: repairs and checks make way first. */
const LIFECYCLE = new Set(['attach', 'detach', 'self-detach']);

function dropOldest(events: AuditEvent[]): void {
  const i = events.findIndex((e) => !LIFECYCLE.has(e.type));
  events.splice(i >= 0 && events.length - i > 1 ? i : 0, 1);
}

type Listener = (event: 'sample' | 'audit' | 'status' | 'gone', data: unknown) => void;

const KEEP_SAMPLES = 600; // ten minutes
const KEEP_EVENTS = 1000;

export class Monitor {
  readonly samples: Sample[] = [];
  readonly events: AuditEvent[] = [];
  status: any;
  private client: AgentClient | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<Listener>();
  /** Per rule, counted from the audit trail: the agent's status has calls and rule errors only. */
  private readonly perRule = new Map<string, { checks: number; repairs: number; errors: number }>();
  private closed = false;
  private polling = false;

  private constructor(
    readonly pid: number,
    private readonly onGone: () => void,
  ) {}

  static async start(pid: number, onGone: () => void): Promise<Monitor> {
    const monitor = new Monitor(pid, onGone);
    await monitor.connect();
    return monitor;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    this.client?.close();
  }

  private async connect(): Promise<void> {
    const client = await open(this.pid);
    this.client = client;
    client.onNotification((method, event) => {
      if (method === 'audit') this.audit(event as AuditEvent, true);
    });
    void client.closed().then(() => {
      if (this.closed) return;
      this.close();
      this.emit('gone', { pid: this.pid });
      this.onGone();
    });
    const { events } = (await client.call('audit', { follow: true })) as { events: AuditEvent[] };
    for (const e of events) this.audit(e, false);
    await this.poll();
    this.timer = setInterval(() => void this.poll(), 1000);
    this.timer.unref();
  }

  private audit(event: AuditEvent, live: boolean): void {
    this.events.push(event);
    if (this.events.length > KEEP_EVENTS) dropOldest(this.events);
    if (event.rule !== undefined) {
      const c = this.perRule.get(event.rule) ?? { checks: 0, repairs: 0, errors: 0 };
      if (event.type === 'check-failed') c.checks++;
      else if (event.type === 'repair') c.repairs++;
      else if (event.type === 'rule-error') c.errors++;
      this.perRule.set(event.rule, c);
    }
    if (live) this.emit('audit', event);
  }

  private async poll(): Promise<void> {
    if (this.polling || this.closed || !this.client) return;
    this.polling = true;
    try {
      const status = await Promise.race([
        this.client.call('status'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), 5000).unref()),
      ]);
      this.status = status;
      const s = status as {
        rules: { id: string; set: string; functions: string[]; calls: number; failures: number }[];
        counters: Record<string, number>;
      };
      const sample: Sample = {
        t: Date.now(),
        rules: s.rules.map((r) => {
          const c = this.perRule.get(r.id) ?? { checks: 0, repairs: 0, errors: 0 };
          return {
            id: r.id,
            set: r.set,
            functions: r.functions,
            calls: r.calls,
            checks: c.checks,
            repairs: c.repairs,
            errors: Math.max(c.errors, r.failures),
          };
        }),
        counters: s.counters,
      };
      this.samples.push(sample);
      if (this.samples.length > KEEP_SAMPLES) this.samples.shift();
      this.emit('status', status);
      this.emit('sample', sample);
    } catch {
      // a slow answer: the next second asks again
    } finally {
      this.polling = false;
    }
  }

  private emit(event: Parameters<Listener>[0], data: unknown): void {
    for (const listener of this.listeners) listener(event, data);
  }
}

/**
 * How long the console keeps following a process after its last page went away: a page reopened soon still has the
 * history.
 */
const IDLE_MS = 5 * 60_000;

/** The processes the console follows: one Monitor each, started by the first page that asks. */
export class Monitors {
  private readonly monitors = new Map<number, Promise<Monitor>>();
  /** Followed because the console was asked to (`follow`), not only while a page looks. */
  private readonly followed = new Set<number>();

  get(pid: number): Promise<Monitor> {
    let m = this.monitors.get(pid);
    if (!m) {
      m = Monitor.start(pid, () => this.monitors.delete(pid));
      this.monitors.set(pid, m);
      m.catch(() => this.monitors.delete(pid));
    }
    return m;
  }

  follow(pid: number): Promise<Monitor> {
    this.followed.add(pid);
    return this.get(pid);
  }

  /** A process nobody has looked at for a while is no longer followed (unless the console was asked to). */
  idle(pid: number, m: Monitor): void {
    if (this.followed.has(pid)) return;
    setTimeout(() => {
      const entry = this.monitors.get(pid);
      if (m.subscribers === 0 && entry) {
        void entry.then((current) => {
          if (current !== m || m.subscribers > 0) return;
          m.close();
          this.monitors.delete(pid);
        });
      }
    }, IDLE_MS).unref();
  }

  close(): void {
    for (const m of this.monitors.values())
      void m.then(
        (x) => x.close(),
        () => {},
      );
  }
}
