import { Script } from 'node:vm';

/**
 * Runs a control point so that it can be interrupted: under a `node:vm` timeout, the one
 * way Node offers to stop synchronous JavaScript of the main thread and go on (Node's
 * watchdog thread terminates the script, then cancels the termination, and `runInThisContext`
 * throws ERR_SCRIPT_EXECUTION_TIMEOUT). Only the frames inside the script are unwound: the
 * caller's `finally` blocks run, the application's call goes on without the hook.
 */
const GLOBAL = '__kheiron$interruptible';
let script: Script | undefined;
let pending: (() => unknown) | undefined;

export function runInterruptible(ms: number, fn: () => unknown): unknown {
  if (script === undefined) {
    // Non-enumerable, as the hook slots: Object.keys(globalThis) and for-in stay as they were.
    Object.defineProperty(globalThis, GLOBAL, {
      value: () => {
        const f = pending!;
        pending = undefined;
        return f();
      },
      enumerable: false,
      configurable: true,
      writable: false,
    });
    script = new Script(`${GLOBAL}()`, { filename: 'kheiron:interruptible' });
  }
  pending = fn;
  return script.runInThisContext({ timeout: Math.max(1, Math.ceil(ms)), displayErrors: false, breakOnSigint: false });
}

export function isInterruption(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
  );
}
