import { get } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketClient } from './websocket.js';

const REMOTE_AGENT = resolve(dirname(fileURLToPath(import.meta.url)), '../agent/remote.js');
const INSPECTOR_PORT = 9229;

/** The process could not be reached over its inspector: nothing was changed in it. */
export class InspectorRefused extends Error {}

/**
 * Loads the agent into a process started without Kheiron: opens its inspector (SIGUSR1),
 * connects on loopback, has it load the agent, and closes the inspector again.
 */
export async function loadAgentOverInspector(pid: number, env: { socketDir?: string } = {}): Promise<void> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InspectorRefused(code === 'EPERM' ? `process ${pid} belongs to another user` : `no process ${pid}`);
  }
  if (await inspectorTargets()) throw new InspectorRefused(`an inspector is already open on 127.0.0.1:${INSPECTOR_PORT}; close it first`);
  try {
    (process as unknown as { _debugProcess(pid: number): void })._debugProcess(pid);
  } catch (error) {
    throw new InspectorRefused(`could not signal process ${pid} to open its inspector: ${(error as Error).message}`);
  }
  let targets: { webSocketDebuggerUrl: string }[] | undefined;
  for (let i = 0; i < 30 && !targets; i++) {
    await new Promise((r) => setTimeout(r, 100));
    targets = await inspectorTargets();
  }
  if (!targets || targets.length === 0) {
    throw new InspectorRefused(`process ${pid} did not open its inspector: it is not a Node.js process, or it runs with --disable-sigusr1 or the permission model, or port ${INSPECTOR_PORT} is taken`);
  }
  const ws = await WebSocketClient.connect(targets[0]!.webSocketDebuggerUrl);
  let nextId = 1;
  const pending = new Map<number, (message: any) => void>();
  ws.onMessage((text) => {
    const message = JSON.parse(text);
    if (message.id !== undefined) pending.get(message.id)?.(message);
  });
  const evaluate = (expression: string): Promise<any> =>
    new Promise((resolvePromise, reject) => {
      const id = nextId++;
      pending.set(id, (message) => {
        const exception = message.result?.exceptionDetails;
        if (message.error || exception) reject(new Error(message.error?.message ?? exception.exception?.description ?? exception.text));
        else resolvePromise(message.result.result.value);
      });
      ws.send(JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true, includeCommandLineAPI: false } }));
    });
  try {
    const remotePid = await evaluate('process.pid');
    if (remotePid !== pid) throw new InspectorRefused(`the inspector on 127.0.0.1:${INSPECTOR_PORT} belongs to process ${remotePid}, not ${pid}`);
    const options = JSON.stringify({ socketDir: env.socketDir });
    await evaluate(`process.getBuiltinModule('module').createRequire(${JSON.stringify(join(REMOTE_AGENT))})(${JSON.stringify(REMOTE_AGENT)}).start(${options})`);
  } finally {
    // Closing the inspector ends this very connection, so no answer comes: wait until the
    // inspector no longer answers on its port.
    ws.send(JSON.stringify({ id: nextId++, method: 'Runtime.evaluate', params: { expression: `process.getBuiltinModule('inspector').close()` } }));
    for (let i = 0; i < 40 && (await inspectorTargets()); i++) await new Promise((r) => setTimeout(r, 50));
    ws.close();
  }
}

function inspectorTargets(): Promise<{ webSocketDebuggerUrl: string }[] | undefined> {
  return new Promise((resolvePromise) => {
    const req = get({ host: '127.0.0.1', port: INSPECTOR_PORT, path: '/json/list', timeout: 500 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        try {
          resolvePromise(JSON.parse(body));
        } catch {
          resolvePromise(undefined);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolvePromise(undefined));
  });
}
