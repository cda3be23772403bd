/**
 * Module customization hooks for `module.register` (Node < 22.15). They run on the loader
 * thread: everything they need arrives as plain data through `initialize`.
 */
import type { LoaderConfig } from './config.js';
import { prepareLoaded, type LoadResult } from './load.js';
import { SourcePreparer } from './prepare-source.js';

let preparer: SourcePreparer | undefined;

export function initialize(data: { config: LoaderConfig; emitMaps: boolean }): void {
  preparer = new SourcePreparer(data.config, data.emitMaps);
}

export async function load(
  url: string,
  context: { format?: string | null },
  nextLoad: (url: string, context: unknown) => Promise<LoadResult>,
): Promise<LoadResult> {
  const result = await nextLoad(url, context);
  // CommonJS without source here is compiled by the CommonJS loader: the compile hook prepares it.
  return preparer ? prepareLoaded(url, result, preparer) : result;
}
