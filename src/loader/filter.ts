import { compileGlob } from '../runtime/internal.js';
import type { LoaderConfig } from './config.js';

const NODE_MODULES = /[\\/]node_modules[\\/]/;
export const OWN_CODE = "Kheiron's own code";

/**
 * Decides which files are prepared: those matching an include glob and no exclude glob. The
 * default include (the working directory) leaves node_modules alone; a glob the user gives
 * means what it says, `**` included. Answers why a file is left alone, or undefined.
 */
export function createFilter(config: LoaderConfig): (filename: string) => string | undefined {
  const include = config.include.map((g, i) => ({
    re: compileGlob(g),
    modules: i >= config.defaultIncludes || g.includes('node_modules'),
  }));
  const exclude = config.exclude.map((g) => compileGlob(g));
  // Kheiron's own code runs inside hooks: preparing it would let it hook itself.
  const own = [`${config.ownRoot}/dist/src/`, `${config.ownRoot}/src/`];
  return (filename) => {
    if (own.some((prefix) => filename.startsWith(prefix))) return OWN_CODE;
    const inModules = NODE_MODULES.test(filename);
    if (!include.some((i) => i.re.test(filename) && (!inModules || i.modules)))
      return inModules ? 'in node_modules, not included' : 'not included';
    if (exclude.some((re) => re.test(filename))) return 'excluded';
    return undefined;
  };
}
