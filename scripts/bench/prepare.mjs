// Before the runs: an up-to-date production build, and the generated clickstream when asked for.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Inputs of the production build: a change to any of them makes dist/ stale. */
export const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time (ms) of a file or of any file under a folder; 0 when missing. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

/** Runs a command from the repository root with its output on stderr (stdout is kept for the JSON); throws on failure. */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/**
 * Runs `command` (argv, from the repository root) when `output` is missing or older than any of
 * `inputs` (paths from the root), unless `allowed` is false; returns the build's state:
 * { built, stale } (stale: `output` is older than its inputs and was used anyway).
 */
export function buildIfStale(output, inputs, command, allowed, log) {
  const marker = join(ROOT, output);
  const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const newest = Math.max(...inputs.map((p) => newestMtime(join(ROOT, p))));
  if (builtAt > newest) return { built: false, stale: false };
  if (!allowed) {
    if (builtAt === 0) throw new Error(`${output} is missing and --no-build was given`);
    log(`warning: ${output} is older than its sources; using it as it is (--no-build)`);
    return { built: false, stale: true };
  }
  log(`${output} is ${builtAt === 0 ? 'missing' : 'older than its sources'}: ${command.join(' ')}`);
  run(command[0], command.slice(1));
  return { built: true, stale: false };
}

/** Runs `npm run build` when dist/ is missing or older than the build inputs (unless `allowed` is false); see buildIfStale. */
export function ensureBuild(allowed, log) {
  return buildIfStale('dist/index.html', BUILD_INPUTS, ['npm', 'run', 'build'], allowed, log);
}

/**
 * Copies a build (default dist/) to a temporary folder: others may rebuild dist/ (vite empties it
 * first) while the runs go on. Resolves to the copy's path and a function that removes it.
 */
export function snapshotDist(from = join(ROOT, 'dist')) {
  const dir = mkdtempSync(join(tmpdir(), 'shoplens-bench-dist-'));
  cpSync(from, dir, { recursive: true });
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${from} has no index.html (is a build running?)`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Path of a generated clickstream of about `events` events in .bench/, generating it when missing. */
export function generatedClickstream(events, log) {
  const out = join(ROOT, '.bench', `click-${events}.csv`);
  if (existsSync(out)) return out;
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  log(`generating ${events} events into ${out}`);
  // Written under a temporary name first, so an interrupted run never leaves a truncated file to reuse.
  run('npx', ['tsx', 'scripts/gen-clickstream.ts', '--events', String(events), '--out', `${out}.part`]);
  renameSync(`${out}.part`, out);
  return out;
}
