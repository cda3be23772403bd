import Module from 'node:module';
import { isPrepared } from './load.js';
import type { SourcePreparer } from './prepare-source.js';

type Compile = (this: unknown, content: string, filename: string, ...rest: unknown[]) => unknown;

/** Loaders that compile CommonJS themselves (tsx) pass it to Module#_compile: prepare it there. */
export function installCompileHook(preparer: SourcePreparer): void {
  const proto = (Module as unknown as { prototype: { _compile: Compile } }).prototype;
  const original = proto._compile;
  proto._compile = function (content, filename, ...rest) {
    const code =
      typeof content === 'string' &&
      !isPrepared(content) &&
      !preparer.prepared(content, filename) &&
      preparer.accepts(filename)
        ? preparer.prepare(content, filename, 'commonjs')
        : content;
    return original.call(this, code, filename, ...rest);
  };
}
