/**
 * `node --import kheiron/register app.js`: installs the runtime and the module hooks, so
 * that every function of the application's own files is prepared as it loads.
 */
import module from 'node:module';
import { startAgent } from '../agent/agent.js';
import { installRuntime } from '../runtime/index.js';
import { loadConfig } from './config.js';
import { installCompileHook } from './hooks-cjs.js';
import { prepareLoaded, type LoadResult } from './load.js';
import { SourcePreparer, sourceMapsWanted } from './prepare-source.js';

type RegisterHooks = (hooks: {
  load(url: string, context: unknown, nextLoad: (url: string, context: unknown) => LoadResult): LoadResult;
}) => unknown;

installRuntime();
const config = loadConfig();
const emitMaps = sourceMapsWanted();
const registerHooks = (module as unknown as { registerHooks?: RegisterHooks }).registerHooks;

const preparer = new SourcePreparer(config, emitMaps);
if (typeof registerHooks === 'function') {
  // Node >= 22.15: synchronous, in-thread hooks for import and require alike.
  registerHooks({ load: (url, context, nextLoad) => prepareLoaded(url, nextLoad(url, context), preparer) });
} else {
  module.register('./hooks-async.js', import.meta.url, { data: { config, emitMaps } });
}
// Loaders such as tsx compile CommonJS through Module#_compile, past the load hooks.
installCompileHook(preparer);

// The agent: `kheiron attach <pid>` and the other commands reach the process through it.
if (process.env.KHEIRON_AGENT !== '0') {
  try {
    const tcpPort = process.env.KHEIRON_AGENT_TCP ? Number(process.env.KHEIRON_AGENT_TCP) : undefined;
    startAgent({ tcpPort, token: process.env.KHEIRON_AGENT_TOKEN });
  } catch (error) {
    process.stderr.write(`kheiron: agent not started: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
