import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** One row of /proc/<pid>/net/tcp or tcp6. */
export interface TcpEntry {
  localAddress: string;
  localPort: number;
  remotePort: number;
  state: 'listen' | 'established' | 'other';
  uid: number;
  inode: number;
  loopback: boolean;
  any: boolean;
}

function address(hex: string): { text: string; loopback: boolean; any: boolean } {
  if (hex.length === 8) {
    const bytes = Buffer.from(hex, 'hex').reverse();
    return { text: [...bytes].join('.'), loopback: bytes[0] === 127, any: bytes.every((b) => b === 0) };
  }
  // IPv6: four 32-bit words, each in host (little-endian) order.
  const words = hex.match(/.{8}/g)!.map((w) => Buffer.from(w, 'hex').reverse().toString('hex'));
  const full = words.join('');
  const mapped = full.startsWith('00000000000000000000ffff');
  const v4 = mapped ? address(Buffer.from(full.slice(24), 'hex').reverse().toString('hex')) : undefined;
  const loopback = full === '00000000000000000000000000000001' || v4?.loopback === true;
  const any = /^0+$/.test(full);
  return { text: v4 ? `::ffff:${v4.text}` : full.replace(/(.{4})(?!$)/g, '$1:'), loopback, any };
}

/** The TCP sockets of the network namespace of process `pid` (IPv4 and IPv6). */
export function tcpTable(pid: number, files: readonly ('tcp' | 'tcp6')[] = ['tcp', 'tcp6']): TcpEntry[] {
  const out: TcpEntry[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/net/${file}`, 'latin1');
    } catch {
      continue;
    }
    const lines = text.split('\n');
    for (let i = 1; i < lines.length; i++) {
      const f = lines[i]!.trim().split(/\s+/);
      if (f.length < 10) continue;
      const [localHex, localPortHex] = f[1]!.split(':') as [string, string];
      const remotePortHex = f[2]!.split(':')[1]!;
      const local = address(localHex);
      out.push({
        localAddress: local.text,
        localPort: parseInt(localPortHex, 16),
        remotePort: parseInt(remotePortHex, 16),
        state: f[3] === '0A' ? 'listen' : f[3] === '01' ? 'established' : 'other',
        uid: Number(f[7]),
        inode: Number(f[9]),
        loopback: local.loopback,
        any: local.any,
      });
    }
  }
  return out;
}

/** The inodes of the sockets process `pid` holds open. */
export function socketInodes(pid: number): Set<number> {
  const inodes = new Set<number>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(Number(m[1]));
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

/** Whether process `pid` catches SIGUSR1 (Node does, unless --disable-sigusr1 or the permission model). */
export function catchesSigusr1(pid: number): boolean {
  const m = /^SigCgt:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  return m !== null && (BigInt(`0x${m[1]}`) & (1n << 9n)) !== 0n;
}

/** What the command line and NODE_OPTIONS of process `pid` say about its inspector. */
export interface InspectFlags {
  /** A flag that opens the inspector at start (`--inspect`, `--inspect-brk`, `--inspect-wait`). */
  open?: string;
  /** The host and port of `--inspect-port`/`--debug-port` (or of an opening flag). */
  host?: string;
  port?: number;
}

export function inspectFlags(pid: number): InspectFlags {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  let nodeOptions = '';
  try {
    nodeOptions = /(?:^|\0)NODE_OPTIONS=([^\0]*)/.exec(readFileSync(`/proc/${pid}/environ`, 'utf8'))?.[1] ?? '';
  } catch {
    // not readable: the command line alone
  }
  // Node's own options come before the script: stop at the first argument that is not one.
  const own: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || !a.startsWith('-')) break;
    own.push(a);
  }
  const flags: InspectFlags = {};
  for (const a of [...nodeOptions.split(/\s+/).filter(Boolean), ...own]) {
    const m = /^--(inspect(?:-brk|-wait)?|inspect-port|debug-port)(?:=(.*))?$/.exec(a);
    if (!m) continue;
    if (m[1] !== 'inspect-port' && m[1] !== 'debug-port') flags.open = a;
    if (m[2] !== undefined) {
      const hp = /^(?:\[?([^\]]*?)\]?:)?(\d+)$/.exec(m[2]);
      if (hp) {
        if (hp[1]) flags.host = hp[1];
        flags.port = Number(hp[2]);
      } else flags.host = m[2];
    }
  }
  return flags;
}
