// Command line of `npm run bench:ingest`.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { expectedPresetText } from './presets.mjs';

/** Usage text, printed on --help and on bad arguments. */
export const USAGE = `usage: npm run bench:ingest -- (--file PATH [--file PATH…] | --generate EVENTS) [--preset NAME] [--runs N] [--no-duckdb] [--no-build | --dist DIR] [--out PATH]
  --file PATH        a file to import (repeat for a multi-file dataset); .gz, CSV/TSV, JSON, JSON Lines
  --generate EVENTS  import a generated clickstream of about EVENTS events (cached in .bench/)
  --preset NAME      fail unless the import dialog recognises this preset (e.g. online-retail, rees46, guess)
  --runs N           runs, each in a fresh browser (default 3); medians are reported
  --no-duckdb        skip the DuckDB-WASM comparison
  --no-build         use dist/ as it is, even when older than src/ (the report says so)
  --dist DIR         benchmark the production build in DIR instead of dist/ (no build check)
  --out PATH         also write the JSON object to PATH
Prints one JSON object on stdout (use \`npm run -s\` to drop npm's banner); progress goes to stderr. See scripts/README.md.`;

/** `value` of `flag` as a positive integer; throws with a message otherwise. */
export function positiveInt(flag, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got ${value}`);
  return n;
}

/** Absolute paths of `paths`; throws when one is not an existing file. */
export function existingFiles(paths) {
  const files = paths.map((f) => resolve(f));
  for (const f of files) if (!existsSync(f) || !statSync(f).isFile()) throw new Error(`no such file: ${f}`);
  return files;
}

/** Options every browser benchmark shares: the data to import, runs, build and output. */
export const INPUT_OPTIONS = {
  file: { type: 'string', multiple: true, default: [] },
  generate: { type: 'string' },
  preset: { type: 'string' },
  runs: { type: 'string', default: '3' },
  'no-build': { type: 'boolean', default: false },
  out: { type: 'string' },
};

/** Parses argv into { files, generate, preset, runs, duckdb, build, dist, out }; throws with a message on bad input. */
export function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...INPUT_OPTIONS,
      'no-duckdb': { type: 'boolean', default: false },
      dist: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  const runs = positiveInt('--runs', values.runs);
  const generate = values.generate === undefined ? undefined : positiveInt('--generate', values.generate);
  if ((values.file.length === 0) === (generate === undefined)) throw new Error('give either --file PATH (one or more) or --generate EVENTS');
  if (values.preset !== undefined) expectedPresetText(values.preset);
  const dist = values.dist && resolve(values.dist);
  if (dist && !existsSync(resolve(dist, 'index.html'))) throw new Error(`--dist ${dist}: no index.html there`);
  const files = existingFiles(values.file);
  return { files, generate, preset: values.preset, runs, duckdb: !values['no-duckdb'], build: !values['no-build'], dist, out: values.out && resolve(values.out) };
}

/** Parses this process's arguments with `parse`: bad input prints the usage and exits 2; `--help` prints it and returns null. */
export function cliOptions(parse, usage) {
  let opts;
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${usage}`);
    process.exit(2);
  }
  if (opts.help) {
    console.error(usage);
    return null;
  }
  return opts;
}
