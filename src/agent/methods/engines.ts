import type { AttachedRule, AuditCounters, AuditEvent, RepairEngine } from '../../engine/index.js';
import { allEngines } from '../../engine/engines.js';

/*
 * What the CLI sees of the process's engines: the agent's (the shared one) and every engine
 * the application made of its own, as one list of rules, one set of counters, one trail.
 */

/** The engines to report on: the agent's first, then the application's others. */
function engines(own: RepairEngine): RepairEngine[] {
  return [own, ...allEngines().filter((e) => e !== own)];
}

export function everyRule(own: RepairEngine): { rule: AttachedRule; shared: boolean }[] {
  return engines(own).flatMap((engine) => engine.rules().map((rule) => ({ rule, shared: engine === own })));
}

/** The counters of every engine, added up. */
export function everyCounter(own: RepairEngine): AuditCounters {
  const sum = { ...own.counters() } as Record<string, number>;
  for (const engine of engines(own).slice(1)) {
    for (const [key, n] of Object.entries(engine.counters())) sum[key] = (sum[key] ?? 0) + n;
  }
  return sum as AuditCounters;
}

/** The events every engine holds, in time order. */
export function everyEvent(own: RepairEngine): AuditEvent[] {
  const all = engines(own).flatMap((engine) => engine.events());
  return all.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

/** Detaches rules by id from whichever engine has them; with no ids, every rule of every engine. */
export function detachEverywhere(own: RepairEngine, ids?: readonly string[]): string[] {
  if (ids === undefined) return engines(own).flatMap((engine) => engine.detach());
  const holders = new Map<RepairEngine, string[]>();
  const unknown: string[] = [];
  for (const id of ids) {
    const engine = engines(own).find((e) => e.rules().some((r) => r.id === id));
    if (engine) holders.set(engine, [...(holders.get(engine) ?? []), id]);
    else unknown.push(id);
  }
  // An unknown id detaches nothing: the agent's engine refuses it, with its own message.
  if (unknown.length > 0) own.detach(...unknown);
  return [...holders].flatMap(([engine, held]) => engine.detach(...held));
}
