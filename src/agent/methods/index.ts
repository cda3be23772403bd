/**
 * The agent's methods after `hello`, one table: the server dispatches through it, and the
 * error for an unknown method lists its names. Loaded with the first request after `hello`,
 * so that a process that is never asked anything does not load the repair engine or the parser.
 */
import { sharedEngine, type RepairEngine } from '../../engine/index.js';
import type { AgentOptions } from '../agent.js';
import { attach } from './attach.js';
import type { Method } from './method.js';
import { functions, status } from './registry.js';
import { detach, inject } from './rules.js';
import { audit, watch } from './streams.js';

export const METHODS: Readonly<Record<string, Method<any>>> = {
  status,
  functions,
  attach,
  detach,
  audit,
  watch,
  inject,
};

/** The engine the methods attach to: the one given, or the process-wide one the application may share. */
export function agentEngine(options: AgentOptions): RepairEngine {
  return (options.engine as RepairEngine | undefined) ?? sharedEngine();
}
