/**
 * What `kheiron attach` loads over the inspector into a process started without Kheiron:
 * the runtime, the agent, and the patcher that makes reachable functions attachable.
 */
import { installRuntime, runtimeRegistry } from '../runtime/internal.js';
import { startAgent } from './agent.js';
import { LiveEditor } from './live-edit.js';
import { ReachablePatcher } from './patch.js';

let started: string | undefined;

export function start(options: { socketDir?: string } = {}): string {
  if (started) return started;
  installRuntime();
  const editor = new LiveEditor(runtimeRegistry());
  // What LiveEdit prepared needs no patch: hooks would run twice.
  const patcher = new ReachablePatcher(runtimeRegistry(), (fn) => editor.covers(fn));
  started = startAgent({
    dir: options.socketDir,
    unprepared: true,
    discover: async () => {
      await editor.discover();
      patcher.discover();
    },
    unreachable: () => editor.refused.filter((u) => !patcher.reaches(u)),
  }).path;
  return started;
}
