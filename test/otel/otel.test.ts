import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { context, metrics, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { RepairEngine, defineRules, detachAll, fallback, invariant } from '../../src/index.js';
import { connectOpenTelemetry } from '../../src/otel/index.js';
import { ROOT, runNode } from '../support/node.js';
import { lastModule, runPrepared } from '../support/prepared.js';

/*
 * Audit events as OpenTelemetry signals, through the SDK's in-memory exporters: span events
 * on the active span, counters per rule and function, log records correlated with the trace.
 */

const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
const logRecords = new InMemoryLogRecordExporter();

before(() => {
  const contextManager = new AsyncLocalStorageContextManager();
  contextManager.enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] }));
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  logs.setGlobalLoggerProvider(
    new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter: logRecords })] }),
  );
});
after(() => detachAll());

const SHOP = `
class Cart {
  constructor() { this.items = []; this.total = 0; }
  add(price) {
    this.items.push(price);
    this.total += price;
    return this.total;
  }
  price(id) {
    if (id < 0) throw new RangeError('no item ' + id);
    return 10;
  }
}
this.Cart = Cart;
`;

async function metricPoints(name: string): Promise<{ value: number; attributes: Record<string, unknown> }[]> {
  metricExporter.reset();
  await reader.forceFlush();
  const out = [];
  for (const batch of metricExporter.getMetrics()) {
    for (const scope of batch.scopeMetrics) {
      for (const metric of scope.metrics) {
        if (metric.descriptor.name !== name) continue;
        for (const point of metric.dataPoints)
          out.push({ value: point.value as number, attributes: point.attributes as Record<string, unknown> });
      }
    }
  }
  return out;
}

describe('OpenTelemetry signals of the audit trail', () => {
  it('finds @opentelemetry/api, which is an optional peer dependency', async () => {
    new RepairEngine();
    assert.equal(await connectOpenTelemetry(), true);
  });

  it('puts repairs and failed checks on the active span, counts them per rule and function, and logs them in the trace', async () => {
    const { Cart } = runPrepared(SHOP, 'otel-cart');
    const module = lastModule();
    const engine = new RepairEngine();
    await connectOpenTelemetry();
    engine.attach(
      defineRules(
        'cart-repairs',
        invariant(
          `${module}#Cart.prototype.add`,
          function totalMatches(ctx) {
            return ctx.this.total === ctx.this.items.reduce((a: number, b: number) => a + b, 0);
          },
          {
            id: 'cart-total',
            when: 'before',
            repair: function recount(ctx) {
              ctx.this.total = ctx.this.items.reduce((a: number, b: number) => a + b, 0);
            },
          },
        ),
        fallback(`${module}#Cart.prototype.price`, 0, { id: 'price-fallback' }),
      ),
    );
    const cart = new Cart();
    cart.add(5);
    cart.total = 999; // corrupted
    const tracer = trace.getTracer('test');
    let traceId = '';
    tracer.startActiveSpan('POST /cart', (span) => {
      traceId = span.spanContext().traceId;
      assert.equal(cart.add(3), 8, 'repaired before the call');
      assert.equal(cart.price(-1), 0, 'the fallback');
      span.end();
    });
    const [span] = spans.getFinishedSpans().filter((s) => s.name === 'POST /cart');
    assert.ok(span);
    const events = span.events.map((e) => ({
      name: e.name,
      rule: e.attributes?.['kheiron.rule'],
      fn: e.attributes?.['code.function.name'],
    }));
    assert.deepEqual(events, [
      { name: 'kheiron.check-failed', rule: 'cart-total', fn: 'Cart.prototype.add' },
      { name: 'kheiron.repair', rule: 'cart-total', fn: 'Cart.prototype.add' },
      { name: 'kheiron.repair', rule: 'price-fallback', fn: 'Cart.prototype.price' },
    ]);
    assert.equal(span.events[0]!.attributes?.['kheiron.rule_set'], 'cart-repairs');
    assert.match(String(span.events[2]!.attributes?.['kheiron.detail.error']), /RangeError: no item -1/);

    const repairs = await metricPoints('kheiron.repairs');
    const byRule = Object.fromEntries(
      repairs.map((p) => [`${p.attributes['kheiron.rule']} ${p.attributes['code.function.name']}`, p.value]),
    );
    assert.deepEqual(byRule, { 'cart-total Cart.prototype.add': 1, 'price-fallback Cart.prototype.price': 1 });
    assert.deepEqual(
      (await metricPoints('kheiron.checks.failed')).map((p) => [p.attributes['kheiron.rule'], p.value]),
      [['cart-total', 1]],
    );
    assert.ok(
      (await metricPoints('kheiron.rule.attaches')).some((p) => p.attributes['kheiron.rule'] === 'price-fallback'),
    );

    const records = logRecords.getFinishedLogRecords().filter((r) => r.attributes['kheiron.rule'] === 'cart-total');
    assert.deepEqual(
      records.map((r) => [r.eventName, r.severityText]),
      [
        ['kheiron.attach', 'INFO'],
        ['kheiron.check-failed', 'WARN'],
        ['kheiron.repair', 'INFO'],
      ],
    );
    const repair = records[2]!;
    assert.equal(repair.spanContext?.traceId, traceId, 'the log record is in the trace of the repaired request');
    assert.match(String(repair.body), /kheiron repair cart-total at Cart\.prototype\.add/);
    assert.equal(repair.attributes['code.file.path'], repair.attributes['code.file.path']);
    engine.detach();
    assert.ok((await metricPoints('kheiron.rule.detaches')).some((p) => p.attributes['kheiron.rule'] === 'cart-total'));
  });

  it("counts a rule's own errors and logs them as errors, never throwing into the application", async () => {
    const { Cart } = runPrepared(SHOP, 'otel-broken');
    const module = lastModule();
    const engine = new RepairEngine();
    engine.attach(
      defineRules('broken', {
        id: 'broken-rule',
        target: `${module}#Cart.prototype.add`,
        maxFailures: 100,
        before() {
          throw new Error('the rule is wrong');
        },
      }),
    );
    const cart = new Cart();
    assert.equal(cart.add(1), 1);
    assert.equal(cart.add(2), 3);
    assert.deepEqual(
      (await metricPoints('kheiron.rule.errors'))
        .filter((p) => p.attributes['kheiron.rule'] === 'broken-rule')
        .map((p) => p.value),
      [2],
    );
    const errors = logRecords
      .getFinishedLogRecords()
      .filter((r) => r.eventName === 'kheiron.rule-error' && r.attributes['kheiron.rule'] === 'broken-rule');
    assert.equal(errors.length, 2);
    assert.equal(errors[0]!.severityText, 'ERROR');
    assert.match(String(errors[0]!.attributes['kheiron.detail.error']), /Error: the rule is wrong/);
    engine.detach();
  });
});

describe('without OpenTelemetry', () => {
  it('stays quiet when @opentelemetry/api cannot be found, and the audit trail goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kheiron-no-otel-'));
    // A process in which no @opentelemetry package resolves, as in an application without them.
    writeFileSync(
      join(dir, 'hide.mjs'),
      "import module from 'node:module';\nmodule.registerHooks({ resolve(specifier, context, next) { if (specifier.startsWith('@opentelemetry/')) { const e = new Error('Cannot find package ' + specifier); e.code = 'ERR_MODULE_NOT_FOUND'; throw e; } return next(specifier, context); } });\n",
    );
    writeFileSync(
      join(dir, 'app.mjs'),
      `import { RepairEngine } from ${JSON.stringify(join(ROOT, 'dist/src/index.js'))};\nimport { connectOpenTelemetry } from ${JSON.stringify(join(ROOT, 'dist/src/otel/index.js'))};\nconst engine = new RepairEngine();\nengine.attach([{ id: 'r', target: 'nothing.here', before() {} }]);\nconsole.log(JSON.stringify({ found: await connectOpenTelemetry(), attach: engine.counters().attach }));\n`,
    );
    const r = await runNode(process.execPath, ['--import', join(dir, 'hide.mjs'), join(dir, 'app.mjs')], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), { found: false, attach: 1 });
    // Where the packages are there, KHEIRON_OTEL=0 leaves them alone.
    const off = await runNode(process.execPath, [join(dir, 'app.mjs')], { cwd: ROOT, env: { KHEIRON_OTEL: '0' } });
    assert.equal(off.code, 0, off.stderr);
    assert.deepEqual(JSON.parse(off.stdout), { found: false, attach: 1 });
    const on = await runNode(process.execPath, [join(dir, 'app.mjs')], { cwd: ROOT });
    assert.deepEqual(JSON.parse(on.stdout), { found: true, attach: 1 });
  });
});
