import type { FunctionSite, Node } from '../transform/collect.js';

/** V8's start of a function literal: its parameter list (or an arrow's first parameter). */
export function literalStart(node: Node, source: string): number {
  if (node.type === 'ArrowFunctionExpression') {
    return node.async ? node.start + 5 + source.slice(node.start + 5).search(/\S/) : node.start;
  }
  return source.indexOf('(', (node.id as Node | null)?.end ?? node.start);
}

/**
 * Where V8's function literals start and end in `source`, sorted: every function, and every
 * class (a class is its constructor's literal). An edit must keep each of them in place.
 */
export function literalBoundaries(source: string, sites: readonly FunctionSite[], classes: readonly Node[]): number[] {
  const found = [
    ...sites.flatMap(({ node }) => [literalStart(node, source), node.end]),
    ...classes.flatMap((c) => [c.start, c.end]),
  ];
  return found.sort((x, y) => x - y);
}
