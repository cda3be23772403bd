import { spawn, type ChildProcess } from 'node:child_process';
import { MARKER } from '../child/common.js';
import { cpuSample, busyCores } from './cpu.js';

export interface RunSpec {
  node: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeoutMs: number;
  label: string;
}

export interface RunResult<T> {
  value: T;
  wallMs: number;
  stderr: string;
  /** Machine-wide busy cores while the child ran (the child itself is about 1). */
  busyCores: number;
}

export class BenchError extends Error {}

function tail(text: string, lines = 25): string {
  return text.split('\n').slice(-lines).join('\n');
}

/** Runs a child harness and returns the JSON object it reported after MARKER. */
export function runChild<T>(spec: RunSpec): Promise<RunResult<T>> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const cpu0 = cpuSample();
    const child = spawn(spec.node, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new BenchError(`${spec.label}: timed out after ${spec.timeoutMs} ms\n${tail(stderr)}`));
    }, spec.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new BenchError(`${spec.label}: could not start ${spec.node}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const busy = busyCores(cpu0, cpuSample());
      const line = stdout.split('\n').find((l) => l.startsWith(MARKER));
      if (code !== 0 || line === undefined) {
        reject(
          new BenchError(
            `${spec.label}: exited with ${signal ?? code}${line === undefined ? ' without a report' : ''}\n` +
              `command: ${spec.node} ${spec.args.join(' ')}\n${tail(stderr)}${stderr.trim() === '' ? tail(stdout) : ''}`,
          ),
        );
        return;
      }
      resolve({ value: JSON.parse(line.slice(MARKER.length)) as T, wallMs, stderr, busyCores: busy });
    });
  });
}

export interface Server {
  port: number;
  prepared: boolean;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a server script that prints one JSON line {"port": N, ...} once listening. */
export function startServer(spec: Omit<RunSpec, 'timeoutMs'> & { startTimeoutMs: number }): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.node, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let started = false;
    const exited = new Promise<void>((res) => child.on('exit', () => res()));
    const stop = async (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin?.end();
        child.kill('SIGTERM');
        const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(hard);
      }
    };
    const timer = setTimeout(() => {
      void stop();
      reject(
        new BenchError(`${spec.label}: server did not report a port within ${spec.startTimeoutMs} ms\n${tail(stderr)}`),
      );
    }, spec.startTimeoutMs);
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (started) return;
      for (const l of stdout.split('\n')) {
        try {
          const info = JSON.parse(l) as { port?: unknown; prepared?: unknown };
          if (typeof info.port === 'number') {
            started = true;
            clearTimeout(timer);
            resolve({ port: info.port, prepared: info.prepared === true, child, stop });
            return;
          }
        } catch {
          // not the port line
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (!started) {
        clearTimeout(timer);
        reject(new BenchError(`${spec.label}: server exited with ${signal ?? code} before listening\n${tail(stderr)}`));
      }
    });
  });
}
