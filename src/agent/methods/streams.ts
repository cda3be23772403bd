import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { AUDIT_CHANNEL } from '../../engine/index.js';
import { attach, type CallContext } from '../../runtime/internal.js';
import { ERRORS, RpcError } from '../protocol.js';
import { everyEvent } from './engines.js';
import { render } from '../render.js';
import { method, optionalBoolean, requiredString, withoutPrefix, type Client } from './method.js';

/** The audit trail so far; with `follow`, its events as they happen, until the client leaves. */
export const audit = method({
  params: (params) => ({ follow: optionalBoolean(params, 'follow') === true }),
  run: ({ follow }, { engine, client }) => {
    const events = everyEvent(engine);
    if (follow) {
      const listener = (event: unknown): void => client.notify('audit', event);
      subscribe(AUDIT_CHANNEL, listener);
      client.closers.push(() => unsubscribe(AUDIT_CHANNEL, listener));
    }
    return { events };
  },
});

/**
 * Calls of the target as they happen, at most `rate` a second, values to `depth` levels; the client leaving detaches.
 */
export const watch = method({
  params: (params) => {
    const { rate, depth } = params;
    if (rate !== undefined && typeof rate !== 'number') {
      throw new RpcError(
        ERRORS.invalidParams,
        `'rate' must be a positive number of events per second, got ${typeof rate}`,
      );
    }
    if (depth !== undefined && !(Number.isInteger(depth) && (depth as number) >= 0 && (depth as number) <= 4)) {
      throw new RpcError(ERRORS.invalidParams, `'depth' must be an integer from 0 to 4, got ${JSON.stringify(depth)}`);
    }
    const target = requiredString(params, 'target');
    if (rate !== undefined && !(rate > 0))
      throw new RpcError(ERRORS.invalidParams, "'rate' must be a positive number of events per second");
    return { target, rate: rate ?? 20, depth: (depth as number | undefined) ?? 1 };
  },
  run: ({ target, rate, depth }, { client }) => {
    const emit = rateLimited(client, rate, (value) => render(value, { depth }));
    let handle;
    try {
      handle = attach({
        target,
        before: (ctx) => void (ctx.state.t0 = performance.now()),
        after: (ctx) => emit(ctx, { result: ctx.result }),
        onThrow: (ctx) => emit(ctx, { error: ctx.error }),
      });
    } catch (error) {
      throw new RpcError(ERRORS.invalidParams, `'target': ${withoutPrefix(error)}`);
    }
    client.closers.push(() => handle.detach());
    return { functions: handle.functions.map((f) => f.name) };
  },
});

/** Sends a `watch` notification per call, at most `rate` a second; the calls over it are counted, once a second. */
function rateLimited(client: Client, rate: number, show: (value: unknown) => string) {
  let windowStart = Date.now();
  let sent = 0;
  let dropped = 0;
  return (ctx: CallContext, outcome: { result: unknown } | { error: unknown }): void => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      if (dropped > 0) client.notify('watch', { dropped });
      windowStart = now;
      sent = 0;
      dropped = 0;
    }
    if (sent >= rate) {
      dropped++;
      return;
    }
    sent++;
    const shown = 'result' in outcome ? { result: show(outcome.result) } : { error: show(outcome.error) };
    const durationMs = Number((performance.now() - (ctx.state.t0 as number)).toFixed(3));
    client.notify('watch', {
      function: ctx.entry.name,
      module: ctx.entry.module,
      args: ctx.args.map(show),
      durationMs,
      ...shown,
    });
  };
}
