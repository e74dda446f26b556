// Build check: the main-thread bundle must not contain papaparse or TF.js (they belong in workers).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
/** Follows static imports from the entry chunks: everything the main thread loads up front. */
const seen = new Set();
const queue = [...entries];
while (queue.length) {
  const f = queue.pop();
  if (seen.has(f)) continue;
  seen.add(f);
  const code = readFileSync(join(dist, f), 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
}
const markers = { papaparse: /BAD_DELIMITERS|RECORD_SEP/, 'TF.js': /tfjs|@tensorflow/ };
const problems = [];
for (const f of seen) {
  const code = readFileSync(join(dist, f), 'utf8');
  for (const [lib, re] of Object.entries(markers)) if (re.test(code)) problems.push(`${f} contains ${lib}`);
}
const workers = readdirSync(join(dist, 'assets')).filter((f) => /worker/.test(f));
if (entries.length === 0) problems.push('no entry script found in dist/index.html');
if (workers.length < 2) problems.push(`expected the ingest and compute worker chunks, found: ${workers.join(', ') || 'none'}`);
if (problems.length) {
  console.error(`Bundle check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Bundle check: ${seen.size} main-thread chunk(s) free of papaparse and TF.js; workers: ${workers.join(', ')}`);
