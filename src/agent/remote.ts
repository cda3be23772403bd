/**
 * What `kheiron attach` loads over the inspector into a process started without Kheiron:
 * the runtime, the agent, and the patcher that makes reachable functions attachable.
 */
import { installRuntime, runtimeRegistry } from '../runtime/internal.js';
import { startAgent } from './agent.js';
import { LiveEditor, ReachablePatcher } from '../live-edit/index.js';

let started: string | undefined;

export function start(options: { socketDir?: string } = {}): string {
  if (started) return started;
  installRuntime();
  // What LiveEdit prepared needs no patch: hooks would run twice. An edit V8 refused at
  // first and took later replaces the patch.
  const editor: LiveEditor = new LiveEditor(runtimeRegistry(), { onEdited: () => patcher.yieldCovered() });
  const patcher = new ReachablePatcher(runtimeRegistry(), {
    covered: (fn) => editor.covers(fn),
    locate: (path, fn, key) => editor.locate(path, fn, key),
  });
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
