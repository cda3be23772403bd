import { spawn } from 'node:child_process';
import type { ConsoleServer } from './server.js';

/** Opens `url` in the desktop's browser, if there is one; says so when there is not. */
export function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () =>
      process.stderr.write(`kheiron console: could not start ${command}: open the address above by hand\n`),
    );
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
