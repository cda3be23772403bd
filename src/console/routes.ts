/**
 * The console's API on one process, one table: `/api/processes/:pid/<name>` runs the route of
 * that name (`status` without a name), after the check of its HTTP method.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { asConsoleError, attachFile, call, open } from './agents.js';
import { events, HttpError, json, readJson, text } from './http.js';
import type { Monitors } from './monitor.js';

const MAX_WATCH_RATE = 50;

/** What a route runs with. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  pid: number;
  /** Where relative rules-file paths are taken from. */
  cwd: string;
  monitors: Monitors;
  /** Tells the console that a page has opened. */
  opened(): void;
}

export interface Route {
  method: 'GET' | 'POST';
  run(context: RouteContext): Promise<void>;
}

export const ROUTES: Readonly<Record<string, Route>> = {
  /** Rules attached, audit counters. */
  status: { method: 'GET', run: async ({ res, pid }) => json(res, 200, await call(pid, 'status')) },

  /** The registry (?pattern=GLOB). */
  functions: {
    method: 'GET',
    run: async ({ res, url, pid }) => {
      const pattern = url.searchParams.get('pattern');
      json(res, 200, await call(pid, 'functions', pattern ? { pattern: text(pattern, 'pattern') } : {}));
    },
  },

  /** `{ file }`. */
  attach: {
    method: 'POST',
    run: async ({ req, res, pid, cwd }) => {
      const body = await readJson(req);
      json(res, 200, await attachFile(pid, text(body.file, 'file'), cwd));
    },
  },

  /** `{ ids }` | `{ set }` | `{ all: true }`. */
  detach: {
    method: 'POST',
    run: async ({ req, res, pid }) =>
      json(res, 200, await call(pid, 'detach', await detachParams(pid, await readJson(req)))),
  },

  /** `{ target, throw, times? }`. */
  inject: {
    method: 'POST',
    run: async ({ req, res, pid }) => {
      const body = await readJson(req);
      const times =
        body.times === undefined || body.times === null || body.times === '' ? undefined : Number(body.times);
      if (times !== undefined && !(Number.isInteger(times) && times > 0))
        throw new HttpError(400, "'times' must be a positive integer");
      json(
        res,
        200,
        await call(pid, 'inject', {
          target: text(body.target, 'target'),
          throw: text(body.throw, 'throw'),
          ...(times ? { times } : {}),
        }),
      );
    },
  },

  /** Server-sent events: history, sample, status, audit, gone. */
  stream: {
    method: 'GET',
    run: async ({ req, res, pid, monitors, opened }) => {
      const m = await monitors.get(pid);
      opened();
      const send = events(req, res);
      send('history', { pid, samples: m.samples, events: m.events, status: m.status });
      const unsubscribe = m.subscribe((event, data) => send(event, data));
      req.on('close', () => {
        unsubscribe();
        monitors.idle(pid, m);
      });
    },
  },

  /** Server-sent events: calls (?target=GLOB&rate=N); closing detaches. */
  watch: {
    method: 'GET',
    run: async ({ req, res, url, pid }) => {
      const target = text(url.searchParams.get('target'), 'target');
      const rate = url.searchParams.get('rate') === null ? 10 : Number(url.searchParams.get('rate'));
      if (!(rate > 0 && rate <= MAX_WATCH_RATE))
        throw new HttpError(400, `'rate' must be a number of calls per second from 1 to ${MAX_WATCH_RATE}`);
      const client = await open(pid);
      let result: { functions: string[] };
      try {
        result = await client.call('watch', { target, rate });
      } catch (error) {
        client.close();
        throw asConsoleError(error);
      }
      const send = events(req, res);
      send('watching', result);
      client.onNotification((name, event) => name === 'watch' && send('call', event));
      // Closing the agent connection detaches the watch.
      req.on('close', () => client.close());
      void client.closed().then(() => res.end());
    },
  },
};

/** The agent's detach params for a body of the page: a set's name becomes the ids of its rules. */
async function detachParams(pid: number, body: Record<string, any>): Promise<{ all: true } | { ids: string[] }> {
  if (body.all === true) return { all: true };
  if (body.set !== undefined) {
    const set = text(body.set, 'set');
    const status = await call(pid, 'status');
    const ids = (status.rules as { id: string; set: string }[]).filter((r) => r.set === set).map((r) => r.id);
    if (ids.length === 0) throw new HttpError(404, `no attached rule set named '${set}'`);
    return { ids };
  }
  if (!Array.isArray(body.ids) || body.ids.length === 0 || body.ids.length > 1000) {
    throw new HttpError(400, "detach needs 'ids' (rule ids), 'set' (a set's name) or 'all': true");
  }
  return { ids: body.ids.map((id: unknown) => text(id, 'ids[]')) };
}
