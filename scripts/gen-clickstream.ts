// Writes a synthetic clickstream CSV of about the requested size, for the ingest benchmark:
//   npx tsx scripts/gen-clickstream.ts --events 1000000 --out PATH [--seed 7]
// It scales the demo store's user count and streams rows to disk, so memory stays flat.

import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { DEMO_EVENTS_PER_USER, DEMO_HEADER, generateDemoRows } from '../src/ingest/demo-store';

/** Quotes a CSV field when RFC 4180 requires it (delimiter, quote or line break inside). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes text, waiting for the stream to drain when its buffer is full. */
async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Parses the command line, generates and writes the CSV, prints a JSON summary. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { events: { type: 'string', default: '1000000' }, out: { type: 'string' }, seed: { type: 'string', default: '7' } },
  });
  const events = Number(values.events);
  const seed = Number(values.seed);
  if (!values.out || !(events > 0) || !Number.isFinite(seed)) {
    console.error('usage: npx tsx scripts/gen-clickstream.ts --events N --out PATH [--seed 7]');
    process.exit(2);
  }
  const users = Math.max(50, Math.round(events / DEMO_EVENTS_PER_USER));
  const out = createWriteStream(values.out);
  await write(out, DEMO_HEADER.map(csvField).join(',') + '\n');
  let written = 0;
  for (const batch of generateDemoRows({ seed, users })) {
    let text = '';
    for (const row of batch) text += row.map(csvField).join(',') + '\n';
    written += batch.length;
    await write(out, text);
  }
  out.end();
  await once(out, 'finish');
  console.log(JSON.stringify({ events: written, path: values.out }));
}

await main();
