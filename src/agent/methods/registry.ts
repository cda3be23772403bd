import { functions as registered } from '../../runtime/internal.js';
import { ERRORS, RpcError } from '../protocol.js';
import { everyCounter, everyRule } from './engines.js';
import { method, optionalString, withoutPrefix } from './method.js';

/** The process at a glance: what runs, what is attached, what the audit trail has counted. */
export const status = method({
  params: () => ({}),
  run: (_, { engine }) => ({
    pid: process.pid,
    argv: process.argv,
    node: process.version,
    uptimeS: Math.round(process.uptime()),
    functions: registered().length,
    memory: process.memoryUsage(),
    // The application's own engines too: a rule it attached with `new RepairEngine()` is listed.
    rules: everyRule(engine).map(({ rule: r, shared }) => ({
      id: r.id,
      set: r.set,
      functions: r.functions.map((f) => f.name),
      calls: r.calls,
      failures: r.failures,
      ...(shared ? {} : { engine: 'application' }),
    })),
    counters: everyCounter(engine),
  }),
});

/** The registry entries a target glob matches (all of them by default). */
export const functions = method({
  params: (params) => ({ pattern: optionalString(params, 'pattern') }),
  run: ({ pattern }) => {
    try {
      return registered(pattern ?? '**');
    } catch (error) {
      if (error instanceof TypeError) throw new RpcError(ERRORS.invalidParams, `'pattern': ${withoutPrefix(error)}`);
      throw error;
    }
  },
});
