/**
 * Who may use the console. It listens on 127.0.0.1 only, and every request must show:
 *
 * 1. a `Host` that names the console itself (127.0.0.1 or localhost and its port), so that a
 *    name that a hostile DNS server points at 127.0.0.1 (DNS rebinding) gets nothing;
 * 2. no `Origin` but the console's own, and no `Sec-Fetch-Site` but same-origin or none (a
 *    URL typed or pasted), so that no other web page open in the operator's browser can act;
 * 3. the session token in the `X-Kheiron-Token` header (never a cookie, which the browser
 *    would attach to a cross-site request by itself); other local users cannot know it.
 *
 * The page itself is given only to a request with a one-time token, the one the console
 * prints as it starts (as Jupyter does); the page carries the session token for its own
 * requests and takes the one-time token out of the address bar.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-kheiron-token';

export type Refusal = { status: number; message: string };

export class Gate {
  /** The token every API request carries in its header. */
  readonly sessionToken = token();
  private readonly oneTime = new Set<string>();
  private port = 0;

  /** Set once the server listens. */
  listening(port: number): void {
    this.port = port;
  }

  /** A new one-time token for the page's address; each can be exchanged for the page once. */
  newLoginToken(): string {
    const t = token();
    this.oneTime.add(t);
    return t;
  }

  /** Consumes a one-time token: true when it was valid and unused. */
  redeem(candidate: string | null): boolean {
    if (!candidate) return false;
    for (const t of this.oneTime) {
      if (same(t, candidate)) {
        this.oneTime.delete(t);
        return true;
      }
    }
    return false;
  }

  /** Host and Origin: checked for every request, the page included. */
  checkSite(req: IncomingMessage): Refusal | undefined {
    const hosts = [`127.0.0.1:${this.port}`, `localhost:${this.port}`];
    const host = req.headers.host;
    if (!host || !hosts.includes(host.toLowerCase()))
      return {
        status: 421,
        message:
          `refused: the Host header must be ` +
          `${hosts.join(' or ')} (got ${host === undefined ? 'none' : JSON.stringify(host)})`,
      };
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`))
      return {
        status: 403,
        message: `refused: requests from another site (Origin ${JSON.stringify(origin)}) may not use the console`,
      };
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return { status: 403, message: `refused: a ${site} request may not use the console` };
    return undefined;
  }

  /** The session token, in its header: checked for every request but the page's. */
  checkToken(req: IncomingMessage): Refusal | undefined {
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || given === '')
      return { status: 401, message: `refused: the request carries no token (the ${TOKEN_HEADER} header)` };
    if (!same(given, this.sessionToken)) return { status: 401, message: 'refused: wrong token' };
    return undefined;
  }
}

function token(): string {
  return randomBytes(24).toString('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
