import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UsageError } from './usage.js';

const REGISTER = fileURLToPath(new URL('../loader/register.js', import.meta.url));

/** `kheiron run`: node with the loader; the program's exit code becomes ours. */
export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { include: { type: 'string', multiple: true }, exclude: { type: 'string', multiple: true } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`run: ${(error as Error).message}`);
  }
  const [script, ...args] = parsed.positionals;
  if (!script) throw new UsageError('run: which script? kheiron run [--include GLOB] -- script.js [args...]');
  const env = { ...process.env };
  if (parsed.values.include) env.KHEIRON_INCLUDE = parsed.values.include.join(',');
  if (parsed.values.exclude) env.KHEIRON_EXCLUDE = parsed.values.exclude.join(',');
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
}
