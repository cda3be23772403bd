/**
 * What `kheiron attach` loads over the inspector into a process started without Kheiron:
 * the runtime, the agent, and the patcher that makes reachable functions attachable.
 */
import { installRuntime, runtimeRegistry } from '../runtime/index.js';
import { startAgent } from './agent.js';
import { LiveEditor } from './live-edit.js';
import { ReachablePatcher } from './patch.js';

let started: string | undefined;

export function start(options: { socketDir?: string } = {}): string {
  if (started) return started;
  installRuntime();
  const patcher = new ReachablePatcher(runtimeRegistry());
  const editor = new LiveEditor(runtimeRegistry());
  started = startAgent({
    dir: options.socketDir,
    unprepared: true,
    discover: async () => {
      patcher.discover();
      await editor.discover();
    },
    means: (entry) => (entry.prepared === 'patched' ? 'patched' : editor.outcome.get(entry.module) === 'live-edit' ? 'live-edit' : 'prepared'),
    unreachable: () => [...editor.outcome].filter(([, outcome]) => outcome.startsWith('refused') || outcome.startsWith('not parsed')).map(([module, reason]) => ({ module, reason })),
  }).path;
  return started;
}
