import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's chromium, or CHROMIUM=/path/to/chrome. */
export function chromiumPath(
  candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p),
): string {
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `no Chromium for the console's browser tests (looked at ${candidates.join(', ')}): install it with \`apt-get install -y chromium\` (Debian's package; .ci/run does it), or set CHROMIUM to a Chrome or Chromium binary`,
    );
  }
  return found;
}

export async function launchChromium(args: string[] = []): Promise<Browser> {
  const executablePath = chromiumPath();
  const { chromium } = await import('playwright-core');
  // As root (CI) Chromium needs --no-sandbox; headless, offline, no first-run chrome.
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', ...args],
  });
}
