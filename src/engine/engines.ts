import type { RepairEngine } from './engine.js';

/*
 * The process's engines. One is shared (`sharedEngine()`): the agent attaches the CLI's and
 * the console's rules to it, and the application may attach its own there too. Every other
 * engine the application makes is listed as well, so that `kheiron status` and `detach` see
 * all rules. They meet at registered symbols, so that several copies of this package in one
 * process agree.
 */

const SHARED = Symbol.for('kheiron.engine.shared');
const ALL = Symbol.for('kheiron.engine.all');

type Holder = Record<symbol, unknown>;
const holder = globalThis as unknown as Holder;

/** The process-wide engine, once `sharedEngine()` has made it. */
export function madeShared(): RepairEngine | undefined {
  return holder[SHARED] as RepairEngine | undefined;
}

export function keepShared(engine: RepairEngine): RepairEngine {
  holder[SHARED] = engine;
  return engine;
}

/** Every engine of the process that is still referenced, the shared one first. */
export function allEngines(): RepairEngine[] {
  const shared = madeShared();
  const others = [...registry()]
    .map((ref) => ref.deref())
    .filter((e): e is RepairEngine => e !== undefined && e !== shared);
  return shared ? [shared, ...others] : others;
}

/** Called by each engine as it is made: an engine no longer referenced drops out. */
export function registerEngine(engine: RepairEngine): void {
  const refs = registry();
  for (const ref of refs) if (ref.deref() === undefined) refs.delete(ref);
  refs.add(new WeakRef(engine));
}

function registry(): Set<WeakRef<RepairEngine>> {
  return ((holder[ALL] as Set<WeakRef<RepairEngine>> | undefined) ??= new Set());
}
