import type { Rule, Selector } from '../rules.js';
import { callerOrigin } from '../origin.js';

let counter = 0;

/** Fills in what every catalogue rule shares: an id (unless given), the origin, the target. */
export function catalogueRule<R extends Omit<Rule, 'id' | 'target' | 'origin'>>(kind: string, target: Selector, options: { id?: string } | undefined, rule: R): Rule {
  const id = options?.id ?? `${kind}:${typeof target === 'string' ? target : target.name}#${++counter}`;
  return { id, target, origin: callerOrigin(), ...rule };
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function requirePositive(name: string, value: unknown, integer = false): void {
  if (typeof value !== 'number' || !(value > 0) || (integer && !Number.isInteger(value))) {
    throw new TypeError(`kheiron: ${name} must be a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`);
  }
}
