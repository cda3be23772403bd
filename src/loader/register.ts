/**
 * `node --import kheiron/register app.js`: installs the runtime and the module hooks, so
 * that every function of the application's own files is recorded as it loads (Phase I), and
 * made attachable (Phase II) when a rule first targets it, or as it loads (`prepare: 'load'`).
 */
import module from 'node:module';
import { startAgent } from '../agent/agent.js';
import { readEnv } from '../config/env.js';
import { AttachTimeEditor } from '../live-edit/attach-time.js';
import { inspectorAvailable } from '../live-edit/available.js';
import { installRuntime, setAttachTimeEditor } from '../runtime/internal.js';
import { enableCompileCache } from './cache.js';
import { loadConfig } from './config.js';
import { installCompileHook } from './hooks-cjs.js';
import { prepareLoaded } from './load.js';
import { SourcePreparer, sourceMapsWanted } from './prepare-source.js';

installRuntime();
const config = loadConfig();
// Phase II at attach edits scripts over an in-process inspector session; where there is none
// (the permission model, a Node built without the inspector), functions are prepared at load.
const phase2 = config.phase2 === 'attach' && inspectorAvailable() ? 'attach' : 'load';
if (phase2 === 'attach') setAttachTimeEditor(new AttachTimeEditor());

// V8's code cache of what is compiled from now on, prepared code included (KHEIRON_NO_CACHE=1
// or KHEIRON_COMPILE_CACHE=0 turn it off; NODE_COMPILE_CACHE, when set, is Node's own and wins).
if (config.cacheDir && readEnv('KHEIRON_COMPILE_CACHE')) enableCompileCache(config.cacheDir);

const preparer = new SourcePreparer(config, sourceMapsWanted(), phase2);
// Synchronous, in-thread hooks for import and require alike.
module.registerHooks({ load: (url, context, nextLoad) => prepareLoaded(url, nextLoad(url, context), preparer) });
// Loaders such as tsx compile CommonJS through Module#_compile, past the load hooks.
installCompileHook(preparer);

// The agent: `kheiron attach <pid>` and the other commands reach the process through it.
if (readEnv('KHEIRON_AGENT')) {
  try {
    startAgent({ tcpPort: readEnv('KHEIRON_AGENT_TCP'), token: readEnv('KHEIRON_AGENT_TOKEN') });
  } catch (error) {
    process.stderr.write(`kheiron: agent not started: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
