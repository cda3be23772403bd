import vm from 'node:vm';
import { prepare } from '../../src/transform/index.js';
import { installRuntime } from '../../src/runtime/index.js';

let counter = 0;

/**
 * Prepares `source` as a script and runs it in a fresh vm context with the runtime
 * installed; returns the context's globals. Each call gets its own module name.
 */
export function runPrepared(source: string, name = 'case'): Record<string, any> {
  const filename = `/virtual/${name}-${process.pid}-${counter++}.js`;
  const { code } = prepare(source, { filename, sourceType: 'script' });
  const context = vm.createContext({ console, setTimeout, Promise });
  installRuntime(context);
  vm.runInContext(code, context, { filename });
  return context as Record<string, any>;
}

/** The module path that runPrepared gave its last script, for targets that name the module. */
export function lastModule(): string {
  return `/virtual/*-${process.pid}-${counter - 1}.js`;
}
