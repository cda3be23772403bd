import Module from 'node:module';
import { isPrepared } from './load.js';
import type { SourcePreparer } from './prepare-source.js';

type Compile = (this: unknown, content: string, filename: string, ...rest: unknown[]) => unknown;

/** Node < 22.15 has no synchronous hooks for require(): prepare CommonJS where it is compiled. */
export function installCompileHook(preparer: SourcePreparer): void {
  const proto = (Module as unknown as { prototype: { _compile: Compile } }).prototype;
  const original = proto._compile;
  proto._compile = function (content, filename, ...rest) {
    const code = typeof content === 'string' && !isPrepared(content) && preparer.accepts(filename) ? preparer.prepare(content, filename, 'commonjs') : content;
    return original.call(this, code, filename, ...rest);
  };
}
