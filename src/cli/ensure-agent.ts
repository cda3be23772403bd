import { socketDir } from '../agent/paths.js';
import { AgentClient, UnreachableError } from './client.js';
import { loadAgentOverInspector, requireInspectorOptIn } from './inspector.js';

/** Whether the process has an agent listening already. */
export async function reachable(pid: number): Promise<boolean> {
  try {
    (await AgentClient.open(pid)).close();
    return true;
  } catch (error) {
    if (error instanceof UnreachableError && /no Kheiron agent/.test(error.message)) return false;
    throw error;
  }
}

/**
 * Makes sure process `pid` has an agent: one started without Kheiron gets it over its
 * inspector, only with the opt-in. Says whether it was loaded now.
 */
export async function ensureAgent(pid: number, allowInspector: boolean, purpose = ''): Promise<boolean> {
  if (await reachable(pid)) return false;
  requireInspectorOptIn(pid, allowInspector);
  process.stderr.write(
    `process ${pid} was started without Kheiron: loading the agent over its inspector${purpose ? ` ${purpose}` : ''}\n`,
  );
  await loadAgentOverInspector(pid, { socketDir: socketDir() });
  return true;
}
