/**
 * `--import` this into a process started with the loader: it takes rules files to attach
 * and detach over the process's IPC channel, so `kheiron demo` can repair the service
 * while it runs.
 */
import { pathToFileURL } from 'node:url';
import { RepairEngine } from '../engine/index.js';

export type ControlMessage = { type: 'attach'; file: string } | { type: 'detach' } | { type: 'counters' };

const engine = new RepairEngine();

process.on('message', (message: ControlMessage) => {
  void handle(message).then(
    (reply) => process.send?.(reply),
    (error: unknown) => process.send?.({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});

async function handle(message: ControlMessage): Promise<object> {
  switch (message.type) {
    case 'attach': {
      const module = (await import(pathToFileURL(message.file).href)) as { default?: unknown };
      const rules = engine.attach(module.default as never);
      return { type: 'attached', rules: rules.map((r) => ({ id: r.id, functions: r.functions.map((f) => f.name) })) };
    }
    case 'detach':
      return { type: 'detached', rules: engine.detach() };
    case 'counters':
      return { type: 'counters', counters: engine.counters() };
    default:
      throw new Error(`unknown control message ${JSON.stringify(message)}`);
  }
}
