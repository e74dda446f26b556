// Finds a Chromium for Playwright: $CHROMIUM_PATH, then `chromium` on PATH. When none is found and we
// run as root on Debian, installs Debian's `chromium` with apt; otherwise says how to get one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Returns the path of a usable Chromium, or null. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const p = execSync(`command -v ${name}`, { shell: '/bin/sh', encoding: 'utf8' }).trim();
      if (p) return p;
    } catch { /* not on PATH */ }
  }
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (findChromium()) process.exit(0);
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian chromium with apt-get…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit', shell: '/bin/sh' });
    if (findChromium()) process.exit(0);
  }
  console.error('No Chromium found. Install one (Debian: `sudo apt-get install chromium`) or set CHROMIUM_PATH to its binary.');
  process.exit(1);
}
