// Launch options for Debian's Chromium, shared by the e2e config and the benchmarks.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Flags that work headless, as root, on a machine with no network but the loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Path of the system Chromium: $CHROMIUM_PATH or `chromium` on PATH. */
export function chromiumPath(): string {
  const env = process.env.CHROMIUM_PATH;
  if (env && existsSync(env)) return env;
  return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh', encoding: 'utf8' }).trim();
}

/** Playwright launch options for that Chromium. */
export function chromiumLaunchOptions() {
  return { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true };
}
