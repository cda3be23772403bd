import { types } from 'node:util';

/*
 * A value as `kheiron watch` shows it: one line, bounded in depth, properties, items and
 * characters, whatever the value is (an HTTP request, a cyclic graph, a Proxy), without
 * running the value's getters or a Proxy's traps. Like Arthas's `watch -x`: depth 1 by default.
 */

export interface RenderOptions {
  /** How many levels of objects are opened (0: only the value's kind). */
  depth: number;
}

const MAX_STRING = 80;
const MAX_ITEMS = 6;
const MAX_LENGTH = 240;

export function render(value: unknown, { depth }: RenderOptions): string {
  const text = renderValue(value, depth, new Set());
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function renderValue(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function ${value.name || '(anonymous)'}]`;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (types.isProxy(object)) return '[Proxy]';
  if (seen.has(object)) return '[Circular]';
  const name = kindOf(object);
  if (object instanceof Error)
    return `${name}: ${JSON.stringify(String(ownData(object, 'message') ?? '').slice(0, MAX_STRING))}`;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (types.isPromise(object)) return 'Promise';
  if (ArrayBuffer.isView(object)) return `${name}(${(object as ArrayBufferView).byteLength} bytes)`;
  if (object instanceof Map || object instanceof Set) {
    if (depth <= 0) return `${name}(${object.size})`;
    seen.add(object);
    const items = [
      ...(object instanceof Map
        ? [...object]
            .slice(0, MAX_ITEMS)
            .map(([k, v]) => `${renderValue(k, depth - 1, seen)} => ${renderValue(v, depth - 1, seen)}`)
        : [...object].slice(0, MAX_ITEMS).map((v) => renderValue(v, depth - 1, seen))),
    ];
    seen.delete(object);
    return `${name}(${object.size}) {${items.join(', ')}${object.size > MAX_ITEMS ? ', …' : ''}}`;
  }
  if (Array.isArray(object)) {
    if (depth <= 0) return `Array(${object.length})`;
    seen.add(object);
    const items = object.slice(0, MAX_ITEMS).map((v) => renderValue(v, depth - 1, seen));
    seen.delete(object);
    return `[${items.join(', ')}${object.length > MAX_ITEMS ? `, … ${object.length - MAX_ITEMS} more` : ''}]`;
  }
  const keys = Object.keys(object);
  if (depth <= 0) return keys.length === 0 ? `${name} {}` : `${name} {…}`;
  seen.add(object);
  const shown = keys.slice(0, MAX_ITEMS).map((key) => {
    const d = Object.getOwnPropertyDescriptor(object, key);
    const text = d === undefined ? '?' : 'value' in d ? renderValue(d.value, depth - 1, seen) : '[Getter]';
    return `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${text}`;
  });
  seen.delete(object);
  const more = keys.length > MAX_ITEMS ? `, … ${keys.length - MAX_ITEMS} more` : '';
  return `${name === 'Object' ? '' : `${name} `}{ ${shown.join(', ')}${more} }`;
}

/** The constructor's name, read without running getters. */
function kindOf(object: object): string {
  try {
    const proto = Object.getPrototypeOf(object) as object | null;
    if (proto === null) return 'Object';
    const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as unknown;
    return typeof ctor === 'function' && ctor.name ? ctor.name : 'Object';
  } catch {
    return 'Object';
  }
}

function ownData(object: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(object, key);
  return d && 'value' in d ? d.value : undefined;
}
