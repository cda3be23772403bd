/**
 * What `kheiron attach` loads over the inspector into a process started without Kheiron:
 * the runtime, the agent, and the patcher that makes reachable functions attachable.
 */
import { installRuntime, runtimeRegistry } from '../runtime/index.js';
import { startAgent } from './agent.js';
import { ReachablePatcher } from './patch.js';

let started: string | undefined;

export function start(options: { socketDir?: string } = {}): string {
  if (started) return started;
  installRuntime();
  const patcher = new ReachablePatcher(runtimeRegistry());
  started = startAgent({ dir: options.socketDir, discover: () => patcher.discover(), unprepared: true }).path;
  return started;
}
