// CPU time the browser spends, read from Linux's /proc: on a 2-core machine both cores are busy
// during an import, so its CPU cost is a steadier yardstick than its wall time, and it shows
// which threads pay (workers, V8's background compilers, IndexedDB, rendering).
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** Thread ids of a process; none once it has exited. */
function tasks(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/** The group a thread's CPU is reported under. */
function group(kind, isMain, name) {
  if (kind === 'renderer') {
    if (name.startsWith('DedicatedWorker')) return 'workers';
    if (isMain) return 'pageMain';
    if (name.startsWith('ThreadPool')) return 'rendererPool';
  }
  return kind === 'browser' ? 'browser' : 'other';
}

/** CPU ms used so far by every thread of the running Chromium processes, by thread id; null where /proc is missing. */
export function browserCpu() {
  let pids;
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const threads = new Map();
  for (const pid of pids) {
    // Chromium rewrites its child processes' titles into one string: split on spaces as well.
    const argv = read(`/proc/${pid}/cmdline`)?.split(/[\0 ]/) ?? [];
    if (!/^chrom/i.test(basename(argv[0] ?? ''))) continue;
    const type = argv.find((a) => a.startsWith('--type='))?.slice(7);
    const kind = type === undefined ? 'browser' : type;
    for (const tid of tasks(pid)) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threads.set(tid, { group: group(kind, tid === pid, name), ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
    }
  }
  return threads;
}

/** CPU ms spent between two `browserCpu` snapshots: in total and by group (workers, pageMain, rendererPool, browser, other). */
export function cpuSpent(before, after) {
  if (!before || !after) return null;
  const groups = { workers: 0, pageMain: 0, rendererPool: 0, browser: 0, other: 0 };
  for (const [tid, t] of after) groups[t.group] += t.ms - (before.get(tid)?.ms ?? 0);
  return { totalMs: Object.values(groups).reduce((a, b) => a + b, 0), groups };
}
