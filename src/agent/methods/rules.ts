import { inject as injectRule } from '../../engine/index.js';
import { ERRORS, RpcError } from '../protocol.js';
import { detachEverywhere } from './engines.js';
import { method, optionalBoolean, requiredString, withoutPrefix } from './method.js';

/** Detaches rules by id, or all of them. */
export const detach = method({
  params: (params) => {
    const ids = params.ids;
    if (optionalBoolean(params, 'all') === true) return { all: true as const };
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x) => typeof x === 'string')) {
      throw new RpcError(ERRORS.invalidParams, "detach needs 'ids' (rule ids) or 'all': true");
    }
    return { ids: ids as string[] };
  },
  run: (params, { engine }) => {
    if ('all' in params) return { detached: detachEverywhere(engine) };
    try {
      return { detached: detachEverywhere(engine, params.ids) };
    } catch (error) {
      throw new RpcError(ERRORS.notFound, withoutPrefix(error));
    }
  },
});

/** Attaches a rule that makes the target throw, `times` times or until detached. */
export const inject = method({
  params: (params) => {
    const target = requiredString(params, 'target');
    const message = requiredString(params, 'throw');
    const times = params.times === undefined ? undefined : Number(params.times);
    if (times !== undefined && !(Number.isInteger(times) && times > 0))
      throw new RpcError(ERRORS.invalidParams, "'times' must be a positive integer");
    return { target, message, times };
  },
  run: ({ target, message, times }, { engine }) => {
    const ruleId = `inject:${target}:${Date.now()}`;
    try {
      const [rule] = engine.attach({
        name: 'cli-inject',
        rules: [injectRule(target, { id: ruleId, throw: message, times })],
      });
      return { id: rule!.id, functions: rule!.functions.map((f) => f.name) };
    } catch (error) {
      throw new RpcError(ERRORS.rules, (error as Error).message);
    }
  },
});
