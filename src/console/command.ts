import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { UsageError } from '../cli/usage.js';
import { startConsole, type ConsoleServer } from './server.js';

/** Opens `url` in the desktop's browser, if there is one; says so when there is not. */
export function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`kheiron console: could not start ${command}: open the address above by hand\n`));
    child.unref();
  } catch {
    process.stderr.write(`kheiron console: could not start ${command}: open the address above by hand\n`);
  }
}

/** Enter in the console's terminal prints a new one-time address (each opens the page once). */
export function newAddressOnEnter(server: ConsoleServer, pid?: number): () => void {
  if (!process.stdin.isTTY) return () => {};
  const onData = (): void => void process.stdout.write(`  ${server.loginUrl(pid)}\n`);
  process.stdin.on('data', onData);
  return () => {
    process.stdin.off('data', onData);
    process.stdin.pause();
  };
}

/** `kheiron console [--port N] [--open]`: the local web console, until Ctrl-C. */
export async function consoleCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { port: { type: 'string', default: '0' }, open: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    throw new UsageError(`console: ${(error as Error).message}`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('console: --port must be a port number (0 takes a free one)');
  const server = await startConsole({ port });
  const url = server.loginUrl();
  process.stdout.write(`Kheiron console on http://127.0.0.1:${server.port} (loopback only). Open it with its one-time token:\n  ${url}\n`);
  if (process.stdin.isTTY) process.stdout.write('Press Enter for another address; Ctrl-C to stop.\n');
  if (values.open) openBrowser(url);
  const stopReading = newAddressOnEnter(server);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stopReading();
  await server.close();
  return 0;
}
