import { newAddressOnEnter, openBrowser } from '../../console/launch.js';
import { startConsole } from '../../console/server.js';
import { command } from '../command.js';
import { UsageError } from '../usage.js';

/** `kheiron console [--port N] [--open]`: the local web console, until Ctrl-C. */
export const console = command({
  name: 'console',
  usage: '[--port N] [--open]',
  summary: 'the local web console on 127.0.0.1, at the address it prints (with a one-time token)',
  options: { port: { type: 'string', default: '0' }, open: { type: 'boolean' } },
  noPositionals: true,
  run: async ({ values }) => {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError('console: --port must be a port number (0 takes a free one)');
    const server = await startConsole({ port });
    const url = server.loginUrl();
    process.stdout.write(
      `Kheiron console on http://127.0.0.1:${server.port} (loopback only). Open it with its one-time token:\n  ` +
        `${url}\n`,
    );
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
  },
});
