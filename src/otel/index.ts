/**
 * Every audit event also reaches OpenTelemetry, when the application has it:
 *
 * - metrics: a counter per kind of event (`kheiron.repairs`, `kheiron.checks.failed`,
 *   `kheiron.rule.errors`, ...) with the rule, its set and the function as attributes;
 * - span events on the active span (`kheiron.repair`, ...), so that the trace of a repaired
 *   request shows the repair;
 * - log records (`@opentelemetry/api-logs`, when present), with the active context, so that
 *   they are correlated with the trace.
 *
 * `@opentelemetry/api` is an optional peer dependency: it is looked for once, with a
 * dynamic import (from Kheiron's place, then from the application's directory), and when
 * it is not there nothing more happens. Signals go to whatever providers the application
 * registers, whenever it registers them. KHEIRON_OTEL=0 turns the bridge off.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { types } from 'node:util';
import { readEnv } from '../config/env.js';
import { AUDIT_CHANNEL, type AuditEvent, type AuditType } from '../engine/audit.js';

/** The parts of `@opentelemetry/api` used here (it is not a dependency: no types from it). */
interface Api {
  metrics: { getMeterProvider(): { getMeter(name: string, version?: string): Meter } };
  trace: {
    getActiveSpan(): { addEvent(name: string, attributes?: Attributes): void; isRecording?(): boolean } | undefined;
  };
}
interface Meter {
  createCounter(
    name: string,
    options?: { description?: string; unit?: string },
  ): { add(value: number, attributes?: Attributes): void };
}
interface LogsApi {
  logs: {
    getLoggerProvider(): { getLogger(name: string, version?: string): { emit(record: Record<string, unknown>): void } };
  };
}
type Attributes = Record<string, string | number | boolean>;

/** The metric of each kind of audit event. */
export const METRICS: Partial<Record<AuditType, { name: string; description: string; unit: string }>> = {
  repair: { name: 'kheiron.repairs', description: 'Repairs performed by Kheiron rules', unit: '{repair}' },
  injected: {
    name: 'kheiron.faults.injected',
    description: 'Faults injected by Kheiron rules (inject)',
    unit: '{fault}',
  },
  'check-failed': {
    name: 'kheiron.checks.failed',
    description: 'Consistency checks of Kheiron rules that failed',
    unit: '{check}',
  },
  'rule-error': {
    name: 'kheiron.rule.errors',
    description: "Errors of Kheiron rules' own code, caught and counted",
    unit: '{error}',
  },
  'self-detach': {
    name: 'kheiron.rule.self_detaches',
    description: 'Kheiron rules that detached themselves',
    unit: '{rule}',
  },
  attach: { name: 'kheiron.rule.attaches', description: 'Kheiron rules attached', unit: '{rule}' },
  detach: { name: 'kheiron.rule.detaches', description: 'Kheiron rules detached', unit: '{rule}' },
  scheduled: {
    name: 'kheiron.safe_point.scheduled',
    description: 'Repairs scheduled at a safe point',
    unit: '{repair}',
  },
  'safe-point': {
    name: 'kheiron.safe_point.repairs',
    description: 'Scheduled repairs run at a safe point',
    unit: '{repair}',
  },
};

/** Events worth a span event: what happened to the request that the span is. */
const ON_SPAN = new Set<AuditType>(['repair', 'injected', 'check-failed', 'rule-error', 'self-detach']);

/** OpenTelemetry's severity numbers. */
const SEVERITY: Record<AuditType, [number, string]> = {
  repair: [9, 'INFO'],
  injected: [13, 'WARN'],
  'check-failed': [13, 'WARN'],
  'rule-error': [17, 'ERROR'],
  'self-detach': [13, 'WARN'],
  attach: [9, 'INFO'],
  detach: [9, 'INFO'],
  scheduled: [9, 'INFO'],
  'safe-point': [9, 'INFO'],
};

const VERSION = '0.1.0';
const PENDING_MAX = 1000;

let started: Promise<boolean> | undefined;

/**
 * Starts the bridge once (the repair engine calls it when it is created); resolves to
 * whether `@opentelemetry/api` was found. Events recorded while it is looked for are kept
 * and sent once it is found.
 */
export function connectOpenTelemetry(): Promise<boolean> {
  if (started) return started;
  if (!readEnv('KHEIRON_OTEL')) return (started = Promise.resolve(false));
  const pending: AuditEvent[] = [];
  const early = (event: unknown): void => void (pending.length < PENDING_MAX && pending.push(event as AuditEvent));
  subscribe(AUDIT_CHANNEL, early);
  started = (async () => {
    const api = (await load('@opentelemetry/api')) as Api | undefined;
    const logsApi = api ? ((await load('@opentelemetry/api-logs')) as LogsApi | undefined) : undefined;
    unsubscribe(AUDIT_CHANNEL, early);
    if (!api?.metrics || !api.trace) return false;
    const bridge = new Bridge(api, logsApi);
    for (const event of pending.splice(0)) bridge.send(event, false);
    subscribe(AUDIT_CHANNEL, (event) => bridge.send(event as AuditEvent, true));
    return true;
  })().catch(() => {
    unsubscribe(AUDIT_CHANNEL, early);
    return false;
  });
  return started;
}

/** A module of the application's, if it has it: from here, else from the current directory. Never throws. */
async function load(name: string): Promise<unknown> {
  let module: Record<string, unknown> | undefined;
  try {
    module = await import(name);
  } catch {
    try {
      const path = createRequire(join(process.cwd(), 'package.json')).resolve(name);
      module = await import(pathToFileURL(path).href);
    } catch {
      return undefined;
    }
  }
  // A CommonJS build seen from an ES module: its exports may be on the default export only.
  return module && !('trace' in module) && !('logs' in module) && module.default ? module.default : module;
}

class Bridge {
  private meterProvider: unknown;
  private counters = new Map<AuditType, { add(value: number, attributes?: Attributes): void }>();
  private loggerProvider: unknown;
  private logger: { emit(record: Record<string, unknown>): void } | undefined;

  constructor(
    private readonly api: Api,
    private readonly logsApi: LogsApi | undefined,
  ) {}

  /** Never throws into the code that recorded the event. */
  send(event: AuditEvent, live: boolean): void {
    try {
      const attributes = attributesOf(event);
      this.count(event.type, attributes);
      if (live && ON_SPAN.has(event.type))
        this.api.trace.getActiveSpan()?.addEvent(`kheiron.${event.type}`, { ...attributes, ...detailOf(event) });
      this.log(event, attributes);
    } catch {
      // a broken exporter must not break the application or the audit trail
    }
  }

  /** Instruments come from the meter provider registered now: one registered later replaces the no-op one. */
  private count(type: AuditType, attributes: Attributes): void {
    const metric = METRICS[type];
    if (!metric) return;
    const provider = this.api.metrics.getMeterProvider();
    if (provider !== this.meterProvider) {
      this.meterProvider = provider;
      this.counters = new Map();
    }
    let counter = this.counters.get(type);
    if (!counter) {
      counter = provider
        .getMeter('kheiron', VERSION)
        .createCounter(metric.name, { description: metric.description, unit: metric.unit });
      this.counters.set(type, counter);
    }
    counter.add(1, attributes);
  }

  private log(event: AuditEvent, attributes: Attributes): void {
    if (!this.logsApi) return;
    const provider = this.logsApi.logs.getLoggerProvider();
    if (provider !== this.loggerProvider) {
      this.loggerProvider = provider;
      this.logger = provider.getLogger('kheiron', VERSION);
    }
    const [severityNumber, severityText] = SEVERITY[event.type] ?? [9, 'INFO'];
    this.logger!.emit({
      eventName: `kheiron.${event.type}`,
      severityNumber,
      severityText,
      body: `kheiron ${event.type}${event.rule ? ` ${event.rule}` : ''}${event.function ? ` at ${event.function}` : ''}`,
      timestamp: new Date(event.time),
      attributes: { ...attributes, ...detailOf(event) },
    });
  }
}

/** The rule, its set and the function, in OpenTelemetry's attribute names where there are some. */
function attributesOf(event: AuditEvent): Attributes {
  const a: Attributes = { 'kheiron.event': event.type };
  if (event.rule !== undefined) a['kheiron.rule'] = event.rule;
  if (event.set !== undefined) a['kheiron.rule_set'] = event.set;
  if (event.function !== undefined) a['code.function.name'] = event.function;
  if (event.module !== undefined) a['code.file.path'] = event.module;
  return a;
}

/** The event's detail as flat attributes: numbers and booleans kept, errors as their message, the rest as JSON text. */
function detailOf(event: AuditEvent): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(event.detail ?? {})) {
    const name = `kheiron.detail.${key}`;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = value;
    else if (types.isNativeError(value))
      out[name] = `${value.name}: ${value.message}`; // of any realm
    else if (value !== undefined) {
      try {
        out[name] =
          JSON.stringify(value, (_k, v: unknown) =>
            typeof v === 'bigint' ? v.toString() : types.isNativeError(v) ? `${v.name}: ${v.message}` : v,
          ) ?? String(value);
      } catch {
        out[name] = String(value);
      }
    }
  }
  return out;
}
