/**
 * Every `KHEIRON_*` environment variable, in one table: what it means, what it is when unset,
 * and how its text is read. The README's table of variables is rendered from this one
 * (`envTable()`, held to it by test/config/env.unit.test.ts).
 *
 * Values are read where they are used (`readEnv(name)`), not when this module loads: a test or
 * a `kheiron run` child sets them per process, and `loadConfig(env)` reads a given environment.
 * A text that cannot be read warns once on stderr, naming the variable, and the default applies.
 */

/** One variable: `parse` turns its text (undefined when unset or empty) into the value used. */
export interface EnvVariable<T> {
  readonly meaning: string;
  /** What applies when it is unset, as the docs say it. */
  readonly unset: string;
  readonly parse: (text: string | undefined, name: string) => T;
}

const warned = new Set<string>();

/** Says once per variable and text that it was not understood, and what applies instead. */
function warn(name: string, text: string, expected: string, instead: string): void {
  const key = `${name}=${text}`;
  if (warned.has(key)) return;
  warned.add(key);
  process.stderr.write(`kheiron: ${name}='${text}' is not ${expected}; ${instead}\n`);
}

const text = (value: string | undefined): string | undefined => value || undefined;

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** '1' turns it on, '0' off; unset or anything else leaves the default (and anything else warns). */
function toggle(byDefault: boolean): (value: string | undefined, name: string) => boolean {
  return (value, name) => {
    if (value === '1') return true;
    if (value === '0') return false;
    if (value) warn(name, value, "'0' or '1'", `it stays ${byDefault ? 'on' : 'off'}`);
    return byDefault;
  };
}

function positiveMs(byDefault: number): (value: string | undefined, name: string) => number {
  return (value, name) => {
    if (!value) return byDefault;
    const ms = Number(value);
    if (ms > 0) return ms;
    warn(name, value, 'a positive number of milliseconds', `${byDefault} ms applies`);
    return byDefault;
  };
}

/** A port number is checked where it is used: the agent says why it does not listen. */
const port = (value: string | undefined): number | undefined => (value ? Number(value) : undefined);

export const ENV = {
  KHEIRON_INCLUDE: {
    meaning: 'Globs of files to prepare, comma-separated, added to the include of `kheiron.config.json`',
    unset: 'the working directory (`<cwd>/**`)',
    parse: list,
  },
  KHEIRON_EXCLUDE: {
    meaning: 'Globs of files never to prepare, comma-separated, added to the exclude of `kheiron.config.json`',
    unset: 'none',
    parse: list,
  },
  KHEIRON_PREPARE: {
    meaning: 'When Phase II happens: `attach` (when a rule first targets a function) or `load` (every function)',
    unset: "the file's `prepare`, else `attach`",
    parse: text,
  },
  KHEIRON_NO_CACHE: {
    meaning: '`1` keeps prepared code (and V8 code) out of the on-disk cache',
    unset: 'cached',
    parse: toggle(false),
  },
  KHEIRON_CACHE_DIR: {
    meaning: 'Directory of the on-disk cache of prepared code',
    unset: "the file's `cacheDir`, else `node_modules/.cache/kheiron`",
    parse: text,
  },
  KHEIRON_COMPILE_CACHE: {
    meaning: "`0` turns off Node's compile cache (V8 code of prepared modules) in the cache directory",
    unset: 'on (`NODE_COMPILE_CACHE`, when set, wins)',
    parse: toggle(true),
  },
  KHEIRON_SUMMARY: {
    meaning: '`1` prints at exit how many modules were prepared and why others were left alone',
    unset: 'only with `NODE_DEBUG=kheiron`',
    parse: toggle(false),
  },
  KHEIRON_AGENT: {
    meaning: '`0` starts no agent, so no command can reach the process',
    unset: 'the agent listens on its control socket',
    parse: toggle(true),
  },
  KHEIRON_SOCKET_DIR: {
    meaning: 'Directory of the control sockets',
    unset: '`$XDG_RUNTIME_DIR/kheiron`, else `<tmp>/kheiron-<uid>`',
    parse: text,
  },
  KHEIRON_AGENT_TCP: {
    meaning: 'Port on 127.0.0.1 where the agent also listens (needs `KHEIRON_AGENT_TOKEN`)',
    unset: 'no TCP listener',
    parse: port,
  },
  KHEIRON_AGENT_TOKEN: {
    meaning: 'Token of at least 32 characters that a TCP client must present',
    unset: 'none',
    parse: text,
  },
  KHEIRON_TIMEOUT_MS: {
    meaning: "How long the CLI waits for an agent's answer, ms",
    unset: '10000',
    parse: positiveMs(10_000),
  },
  KHEIRON_AUDIT_FILE: {
    meaning: 'File the repair engine appends its audit trail to, as JSON lines (unless given `auditFile`)',
    unset: 'none',
    parse: text,
  },
  KHEIRON_OTEL: {
    meaning: '`0` turns off the OpenTelemetry bridge',
    unset: 'on where `@opentelemetry/api` is found',
    parse: toggle(true),
  },
} as const satisfies Record<string, EnvVariable<unknown>>;

export type EnvName = keyof typeof ENV;
export type EnvValue<N extends EnvName> = ReturnType<(typeof ENV)[N]['parse']>;

/** The value of one variable in `env` (the process's environment unless given), read now. */
export function readEnv<N extends EnvName>(name: N, env: NodeJS.ProcessEnv = process.env): EnvValue<N> {
  const variable: EnvVariable<unknown> = ENV[name];
  return variable.parse(env[name], name) as EnvValue<N>;
}

/** The Markdown table of the variables, as the README shows it. */
export function envTable(): string {
  const rows = Object.entries(ENV).map(([name, v]) => `| \`${name}\` | ${v.meaning} | ${v.unset} |`);
  return ['| variable | meaning | when unset |', '| --- | --- | --- |', ...rows].join('\n');
}
