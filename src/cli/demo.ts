import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgentClient } from './client.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const REGISTER = join(ROOT, 'dist/src/loader/register.js');
const SHOP = join(ROOT, 'examples/shop');

const TRANSPORT_ERROR = 599;

interface Tally {
  requests: number;
  errors: number;
}

export interface DemoSettings {
  /** How long each phase (no repairs, repairs attached) runs. */
  phaseMs: number;
  connections: number;
  /** Show it in the web console (and open the desktop's browser). */
  console: boolean;
  open: boolean;
}

type AuditEvent = { type: string; rule?: string; function?: string; time: string; detail?: Record<string, unknown> };

/**
 * `kheiron demo`: a real HTTP service with two latent bugs, under load on loopback. The
 * error rate with no repairs; a rules file attached at run time, without a restart; the
 * error rate falling to zero; the detach; the audit trail. Exit code 0 only when the
 * repairs worked.
 */
export async function demo(settings: DemoSettings): Promise<number> {
  const { phaseMs: phase, connections } = settings;
  const auditFile = join(mkdtempSync(join(tmpdir(), 'kheiron-demo-')), 'audit.jsonl');
  const service = spawn(process.execPath, ['--import', REGISTER, join(SHOP, 'main.js')], {
    env: { ...process.env, KHEIRON_INCLUDE: `${SHOP}/**`, KHEIRON_AUDIT_FILE: auditFile, KHEIRON_NO_CACHE: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let agent: AgentClient | undefined;
  let web: DemoConsole | undefined;
  try {
    const port = await listening(service);
    // The same way an engineer would from another terminal: through the service's agent.
    agent = await AgentClient.open(service.pid!);
    if (settings.console) web = await openConsole(service.pid!, settings.open);
    out(`Kheiron demo: a shop service on http://127.0.0.1:${port} (pid ${service.pid}), every function prepared`);
    out(`load: ${connections} connections on loopback; GET /items/:id, DELETE /items/:id, GET /price/:id\n`);
    out('   time  requests  errors    rate  repairs');
    const load = new Load(port, connections);
    const clock = { t: 0 };
    const before = await load.runFor(phase, clock, 'none attached');

    out(`\n>>> kheiron attach ${service.pid} examples/shop/repairs.js: the running service, no restart`);
    const attached = (await agent.call('attach', { file: join(SHOP, 'repairs.js') })) as {
      rules: { id: string; functions: { name: string }[] }[];
    };
    for (const r of attached.rules) out(`    ${r.id} -> ${r.functions.map((f) => f.name).join(', ')}`);
    out('');
    // The first second after the attach still sees requests that were in flight.
    await load.runFor(1000, clock, 'attached');
    const repaired = await load.runFor(phase, clock, 'attached');

    out(`\n>>> kheiron detach ${service.pid} --all: the service is dormant again`);
    await agent.call('detach', { all: true });
    const after = await load.runFor(Math.min(phase, 2000), clock, 'none attached');
    load.close();

    const counts = showAudit(auditFile);
    const worked = before.errors > 0 && repaired.errors === 0 && repaired.requests > 0 && (counts.repair ?? 0) > 0;
    out(
      `\nerror rate: ${rate(before)} with no repairs, ${rate(repaired)} with repairs attached, ` +
        `${rate(after)} after the detach`,
    );
    out(worked ? 'result: the repairs worked' : 'result: the repairs did NOT work');
    if (web) await web.untilInterrupted();
    return worked ? 0 : 1;
  } finally {
    agent?.close();
    await web?.close();
    service.kill();
  }
}

const rate = (t: Tally): string => `${((100 * t.errors) / Math.max(1, t.requests)).toFixed(1)}%`;

/** Prints what the audit trail recorded, a few events of each kind; returns the count of each. */
function showAudit(auditFile: string): Record<string, number> {
  const lines = readFileSync(auditFile, 'utf8').trim().split('\n').filter(Boolean);
  const events = lines.map((l) => JSON.parse(l) as AuditEvent);
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
  out(
    `\naudit trail: ${events.length} events (${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), written to ${auditFile}`,
  );
  const ofType = (type: string, most = Infinity): AuditEvent[] => events.filter((e) => e.type === type).slice(0, most);
  const shown = [...ofType('attach'), ...ofType('check-failed', 2), ...ofType('repair', 3), ...ofType('detach')];
  for (const e of shown) out(`  ${e.time}  ${e.type.padEnd(12)} ${(e.rule ?? '').padEnd(16)} ${e.function ?? ''}`);
  return counts;
}

interface DemoConsole {
  untilInterrupted(): Promise<void>;
  close(): Promise<void>;
}

/** `demo --console`: the web console, following the service from the start; the demo begins once the page is open. */
async function openConsole(pid: number, open: boolean): Promise<DemoConsole> {
  const { startConsole } = await import('../console/server.js');
  const { newAddressOnEnter, openBrowser } = await import('../console/launch.js');
  const server = await startConsole();
  await server.follow(pid);
  const url = server.loginUrl(pid);
  out(`Kheiron console: ${url}`);
  if (open) openBrowser(url);
  const stopReading = newAddressOnEnter(server, pid);
  out('waiting for the console page to open (at most 60 s)...');
  await Promise.race([server.pageOpened(), new Promise((r) => setTimeout(r, 60_000).unref())]);
  return {
    untilInterrupted: () => {
      out('\nthe console and the service stay up until Ctrl-C');
      return new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    },
    close: async () => {
      stopReading();
      await server.close();
    },
  };
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The port the service prints when it listens. */
function listening(child: ChildProcess): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    let text = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      text += chunk;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
      if (m) resolvePromise(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the service exited (code ${code}) before it listened`)));
  });
}

/** A load generator on loopback: a fixed number of connections, each sending one request after another. */
class Load {
  private readonly agent: Agent;
  private seed = 42;

  constructor(
    private readonly port: number,
    private readonly connections: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  async runFor(ms: number, clock: { t: number }, label: string): Promise<Tally> {
    const total: Tally = { requests: 0, errors: 0 };
    const end = Date.now() + ms;
    let second: Tally = { requests: 0, errors: 0 };
    const ticker = setInterval(() => {
      clock.t++;
      out(
        `  ${String(clock.t).padStart(4)}s  ${String(second.requests).padStart(8)}  ${String(second.errors).padStart(6)}  ${rate(second).padStart(6)}  ${label}`,
      );
      second = { requests: 0, errors: 0 };
    }, 1000);
    await Promise.all(
      Array.from({ length: this.connections }, async () => {
        while (Date.now() < end) {
          const failed = await this.one();
          total.requests++;
          second.requests++;
          if (failed) {
            total.errors++;
            second.errors++;
          }
        }
      }),
    );
    clearInterval(ticker);
    return total;
  }

  close(): void {
    this.agent.destroy();
  }

  /** One request; true when it failed: a 5xx, or an item other than the one asked for. */
  private async one(): Promise<boolean> {
    const r = this.random();
    const id = 1 + Math.floor(this.random() * 200);
    const [method, path] =
      r < 0.05 ? ['DELETE', `/items/${id}`] : r < 0.75 ? ['GET', `/items/${id}`] : ['GET', `/price/${id}`];
    let { status, body } = await this.send(method, path);
    // A kept-alive socket that the server closed just then: the transport's fault, not the
    // service's; the request never reached it, so it is sent once more.
    if (status === TRANSPORT_ERROR) ({ status, body } = await this.send(method, path));
    if (status >= 500) return true;
    if (method === 'GET' && path.startsWith('/items/') && status === 200) return (body as { id?: number }).id !== id;
    return false;
  }

  private send(method: string, path: string): Promise<{ status: number; body: unknown }> {
    return new Promise((resolvePromise) => {
      const req = request({ host: '127.0.0.1', port: this.port, method, path, agent: this.agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
          resolvePromise({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', () => resolvePromise({ status: TRANSPORT_ERROR, body: undefined }));
      req.end();
    });
  }

  /** A seeded generator: the same mix of requests on every run. */
  private random(): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed / 2147483648;
  }
}
