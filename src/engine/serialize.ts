import { types } from 'node:util';

/**
 * Turns any value into plain JSON data, whatever it is: never throws, never loops, bounded.
 * What cannot be written is replaced by a marker: `[Circular]`, `[BigInt 12n]`,
 * `[Function name]`, `[Symbol(x)]`, `[Proxy]`, `[Unserializable: reason]`, `[Truncated]`.
 * Used for everything the audit trail carries, so that a line is always written and every
 * subscriber of the channel receives data it can serialise.
 */
export interface Limits {
  /** Nesting below the top value (default 6). */
  depth: number;
  /** Properties or items per object or array (default 50). */
  width: number;
  /** Characters per string (default 2000). */
  string: number;
  /** Values in all, the top value included (default 2000). */
  values: number;
}

const DEFAULTS: Limits = { depth: 6, width: 50, string: 2000, values: 2000 };

export function toPlain(value: unknown, limits: Partial<Limits> = {}): unknown {
  return new Plain({ ...DEFAULTS, ...limits }).visit(value, 0);
}

/** One conversion: the values it may still write and the objects it is inside of. */
class Plain {
  private left: number;
  private readonly seen: object[] = [];

  constructor(private readonly l: Limits) {
    this.left = l.values;
  }

  visit(v: unknown, depth: number): unknown {
    if (--this.left < 0) return '[Truncated]';
    if (typeof v !== 'object' || v === null) return this.primitive(v);
    if (types.isProxy(v)) return '[Proxy]';
    if (this.seen.includes(v)) return '[Circular]';
    if (depth > this.l.depth) return '[Truncated: nested too deep]';
    this.seen.push(v);
    try {
      return this.object(v, depth);
    } catch (error) {
      return `[Unserializable: ${reason(error)}]`;
    } finally {
      this.seen.pop();
    }
  }

  private primitive(v: unknown): unknown {
    switch (typeof v) {
      case 'string':
        return this.str(v);
      case 'number':
        return Number.isFinite(v) ? v : String(v);
      case 'bigint':
        return `[BigInt ${v}n]`;
      case 'symbol':
        return `[${safeString(() => v.toString())}]`;
      case 'function':
        return `[Function ${safeString(() => (v as Function).name) || '(anonymous)'}]`;
      case 'undefined':
        return '[undefined]';
      default:
        return v; // a boolean, or null
    }
  }

  private str(s: string): string {
    return s.length > this.l.string ? `${s.slice(0, this.l.string)}…[${s.length - this.l.string} more characters]` : s;
  }

  private object(o: object, depth: number): unknown {
    if (types.isNativeError(o) || o instanceof Error) return this.error(o as Error, depth);
    const toJSON = read(o, 'toJSON');
    if (typeof toJSON.value === 'function') {
      let json: unknown;
      try {
        json = (toJSON.value as () => unknown).call(o);
      } catch (e) {
        return `[Unserializable: toJSON threw ${reason(e)}]`;
      }
      return json === o ? this.plainObject(o, depth) : this.visit(json, depth);
    }
    if ('error' in toJSON) return `[Unserializable: ${toJSON.error}]`;
    if (Array.isArray(o)) return this.array(o, depth);
    if (o instanceof Map) return { '[Map]': this.entries([...o.entries()].slice(0, this.l.width + 1), depth) };
    if (o instanceof Set) return { '[Set]': this.entries([...o.values()].slice(0, this.l.width + 1), depth) };
    if (ArrayBuffer.isView(o)) return `[${safeString(() => o.constructor.name)} ${o.byteLength} bytes]`;
    return this.plainObject(o, depth);
  }

  private array(o: unknown[], depth: number): unknown[] {
    const out: unknown[] = [];
    const n = Math.min(o.length, this.l.width);
    for (let i = 0; i < n; i++) {
      const item = read(o, i);
      out.push('error' in item ? `[Unserializable: ${item.error}]` : this.visit(item.value, depth + 1));
    }
    if (o.length > n) out.push(`[${o.length - n} more items]`);
    return out;
  }

  private entries(items: unknown[], depth: number): unknown[] {
    const out = items.slice(0, this.l.width).map((item) => this.visit(item, depth + 1));
    if (items.length > this.l.width) out.push('[more items]');
    return out;
  }

  private plainObject(o: object, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let keys: string[];
    try {
      keys = Object.keys(o);
    } catch (e) {
      return { '[Unserializable]': reason(e) };
    }
    const n = Math.min(keys.length, this.l.width);
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const got = read(o, key);
      out[key] = 'error' in got ? `[Unserializable: getter threw ${got.error}]` : this.visit(got.value, depth + 1);
    }
    if (keys.length > n) out['[more]'] = `${keys.length - n} more properties`;
    return out;
  }

  private error(e: Error, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of ['name', 'message', 'code']) {
      const got = read(e, key);
      if ('error' in got) out[key] = `[Unserializable: getter threw ${got.error}]`;
      else if (got.value !== undefined) out[key] = this.visit(got.value, depth + 1);
    }
    const cause = read(e, 'cause');
    if (!('error' in cause) && cause.value !== undefined) out.cause = this.visit(cause.value, depth + 1);
    const stack = read(e, 'stack');
    if (typeof stack.value === 'string') out.stack = this.str(stack.value.split('\n').slice(0, 6).join('\n'));
    return out;
  }
}

/** What an exception says about itself, without running anything that could throw again. */
export function reason(error: unknown, depth = 0): string {
  if (error === null || (typeof error !== 'object' && typeof error !== 'function'))
    return typeof error === 'symbol' ? 'a symbol' : String(error).slice(0, 200);
  if (types.isProxy(error)) return 'a Proxy';
  if (depth > 2) return 'an object';
  const name = read(error, 'name', depth);
  const message = read(error, 'message', depth);
  const parts = [
    typeof name.value === 'string' ? name.value : undefined,
    typeof message.value === 'string' ? message.value.slice(0, 200) : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(': ') : 'an object';
}

function read(o: object, key: PropertyKey, depth = 0): { value: unknown } | { value?: undefined; error: string } {
  try {
    return { value: (o as Record<PropertyKey, unknown>)[key] };
  } catch (e) {
    return { error: reason(e, depth + 1) };
  }
}

function safeString(f: () => string): string {
  try {
    return String(f());
  } catch {
    return '?';
  }
}
