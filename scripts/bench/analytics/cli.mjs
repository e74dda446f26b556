// Command line of `npm run bench:analytics`.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { INPUT_OPTIONS, existingFiles, positiveInt } from '../cli.mjs';
import { expectedPresetText } from '../presets.mjs';

/** Events of the generated clickstream used when no --file is given. */
export const DEFAULT_EVENTS = 1_000_000;

/** Usage text, printed on --help and on bad arguments. */
export const USAGE = `usage: npm run bench:analytics -- [--file PATH [--file PATH…] | --generate EVENTS] [--preset NAME] [--runs N] [--reps N] [--rounds N] [--no-build] [--out PATH]
  --file PATH        import this file (repeat for a multi-file dataset) instead of the generated clickstream
  --generate EVENTS  import a generated clickstream of about EVENTS events (default ${DEFAULT_EVENTS}, cached in .bench/)
  --preset NAME      fail unless the import dialog recognises this preset (e.g. rees46, online-retail, guess)
  --runs N           runs, each in a fresh browser with its own import (default 3)
  --reps N           timed calls of each query per run, after one warm-up call (default 5)
  --rounds N         rounds of the four queries between the two memory readings (default 100)
  --no-build         use dist/ as it is, even when older than src/ (the report says so)
  --out PATH         also write the JSON object to PATH
Prints one JSON object on stdout (use \`npm run -s\` to drop npm's banner); progress goes to stderr. See scripts/README.md.`;

/** Parses argv into { files, generate, preset, runs, reps, rounds, build, out }; throws with a message on bad input. */
export function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...INPUT_OPTIONS,
      reps: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '100' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  if (values.file.length > 0 && values.generate !== undefined) throw new Error('give --file PATH or --generate EVENTS, not both');
  const generate = values.file.length > 0 ? undefined : positiveInt('--generate', values.generate ?? DEFAULT_EVENTS);
  if (values.preset !== undefined) expectedPresetText(values.preset);
  return {
    files: existingFiles(values.file),
    generate,
    preset: values.preset,
    runs: positiveInt('--runs', values.runs),
    reps: positiveInt('--reps', values.reps),
    rounds: positiveInt('--rounds', values.rounds),
    build: !values['no-build'],
    out: values.out && resolve(values.out),
  };
}
