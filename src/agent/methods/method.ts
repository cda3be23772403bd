import type { RepairEngine } from '../../engine/index.js';
import type { AgentOptions } from '../agent.js';
import { ERRORS, RpcError } from '../protocol.js';

export type Params = Record<string, unknown>;

/** The client a request came from: where notifications go, and what to undo when it leaves. */
export interface Client {
  notify(method: string, params: unknown): void;
  closers: (() => void)[];
}

/** What a method runs with: the agent's engine and options, and the client that asked. */
export interface MethodContext {
  engine: RepairEngine;
  options: AgentOptions;
  client: Client;
}

/**
 * A method of the protocol after `hello` (docs/protocol.md): `params` checks what the client
 * sent, all of it, before `run` changes anything; a wrong parameter is an `invalidParams`
 * error that names it.
 */
export interface Method<P = unknown> {
  params(params: Params): P;
  run(params: P, context: MethodContext): unknown;
}

/** A method, its parameters' type inferred from its check. */
export const method = <P>(m: Method<P>): Method<P> => m;

export function requiredString(params: Params, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '')
    throw new RpcError(ERRORS.invalidParams, `'${name}' must be a non-empty string`);
  return value;
}

export function optionalString(params: Params, name: string): string | undefined {
  return params[name] === undefined ? undefined : requiredString(params, name);
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value !== undefined && typeof value !== 'boolean') {
    throw new RpcError(
      ERRORS.invalidParams,
      `'${name}' must be true or false, got ${value === null ? 'null' : typeof value}`,
    );
  }
  return value;
}

/** A runtime or engine message without its `kheiron: ` prefix, for a reply. */
export const withoutPrefix = (error: unknown): string => (error as Error).message.replace(/^kheiron: /, '');
