import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { command } from '../command.js';
import { UsageError } from '../usage.js';

const REGISTER = fileURLToPath(new URL('../../loader/register.js', import.meta.url));

/** `kheiron run`: node with the loader; the program's exit code becomes ours. */
export const run = command({
  name: 'run',
  usage: '[--include GLOB]... [--exclude GLOB]... [--] script.js [args...]',
  summary: 'Run a Node.js program with every function of its own files prepared.',
  options: { include: { type: 'string', multiple: true }, exclude: { type: 'string', multiple: true } },
  programArguments: true,
  run: async ({ values, positionals }) => {
    const [script, ...args] = positionals;
    if (!script) throw new UsageError('run: which script? kheiron run [--include GLOB] -- script.js [args...]');
    const env = { ...process.env };
    if (values.include) env.KHEIRON_INCLUDE = values.include.join(',');
    if (values.exclude) env.KHEIRON_EXCLUDE = values.exclude.join(',');
    const child = spawn(process.execPath, ['--import', REGISTER, script, ...args], { stdio: 'inherit', env });
    // The terminal sends Ctrl-C to the whole group; the child decides what it means.
    const ignore = (): void => {};
    process.on('SIGINT', ignore);
    process.on('SIGTERM', () => child.kill('SIGTERM'));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        process.off('SIGINT', ignore);
        resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
      });
    });
  },
});
