// Command line of `npm run bench:models`.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FIELDS } from '../../../src/lib/canonical.ts';
import { DEFAULT_PRESET, MODEL_IDS, PRESETS } from '../../../src/lib/model-catalog.ts';
import { BACKEND_ORDER } from '../../../src/models/runtime/backend-order.ts';
import { existingFiles, positiveInt } from '../cli.mjs';
import { expectedPresetText } from '../presets.mjs';

/** Models trained when --models is not given: every model but the 30-day popularity. */
const DEFAULT_MODELS = ['pop', 'itemknn', 'mf', 'gru4rec', 'sasrec', 'lstm'];
/** Test window of the time protocol when --test-days is not given (the Models screen's default). */
const DEFAULT_TEST_DAYS = 7;

/** Usage text, printed on --help and on bad arguments. */
export const USAGE = `usage: npm run bench:models -- --file PATH [--file PATH…] [--preset NAME | --mapping JSON] [--protocol loo|time] [--models LIST] [--epochs N] [--dim N] [--negatives N] [--test-days N] [--backend NAME] [--no-build] [--out PATH]
  --file PATH        a file to import (repeat for a multi-file dataset); anything the importer accepts
  --preset NAME      fail unless the import dialog recognises this preset (e.g. online-retail, rees46, guess)
  --mapping JSON     set the mapping screen's pickers: canonical field → source column name (null: none),
                     e.g. '{"time":"InvoiceDate","user":"CustomerID","item":"StockCode"}'
  --protocol P       loo (leave last out, default) or time (the last --test-days days)
  --models LIST      comma-separated, from ${MODEL_IDS.join(', ')} (default ${DEFAULT_MODELS.join(',')})
  --epochs N         training epochs (default ${PRESETS[DEFAULT_PRESET].epochs}, the ${DEFAULT_PRESET} preset's, as in the app)
  --dim N            embedding size (default ${PRESETS[DEFAULT_PRESET].dim}, the ${DEFAULT_PRESET} preset's)
  --negatives N      rank each target against N sampled negatives (default: the full catalogue)
  --test-days N      test window of --protocol time (default ${DEFAULT_TEST_DAYS})
  --backend NAME     switch the compute worker's TF.js backend first: ${BACKEND_ORDER.join(', ')} (default: the app's choice)
  --no-build         use dist/ as it is, even when older than src/ (the report says so)
  --out PATH         also write the JSON object to PATH
Prints one JSON object on stdout (use \`npm run -s\` to drop npm's banner); progress goes to stderr. See scripts/README.md.`;

/** `--mapping` parsed and checked: an object of canonical field → column name (string) or null. */
function parseMapping(text) {
  let mapping;
  try {
    mapping = JSON.parse(text);
  } catch (e) {
    throw new Error(`--mapping is not JSON: ${e.message}`, { cause: e });
  }
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) throw new Error('--mapping must be a JSON object of canonical field → column name');
  for (const [field, column] of Object.entries(mapping)) {
    if (!FIELDS.includes(field)) throw new Error(`--mapping: unknown field ${field}; known: ${FIELDS.join(', ')}`);
    if (column !== null && typeof column !== 'string') throw new Error(`--mapping ${field}: give a column name or null`);
  }
  return mapping;
}

/** `value` of `flag` if it is one of `allowed`; throws otherwise. */
function oneOf(flag, value, allowed) {
  if (!allowed.includes(value)) throw new Error(`${flag} must be one of ${allowed.join(', ')}, got ${value}`);
  return value;
}

/** Parses argv into { files, preset, mapping, request (the TrainRequest), backend, build, out }; throws with a message on bad input. */
export function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string', multiple: true, default: [] },
      preset: { type: 'string' },
      mapping: { type: 'string' },
      protocol: { type: 'string', default: 'loo' },
      models: { type: 'string', default: DEFAULT_MODELS.join(',') },
      epochs: { type: 'string', default: String(PRESETS[DEFAULT_PRESET].epochs) },
      dim: { type: 'string', default: String(PRESETS[DEFAULT_PRESET].dim) },
      negatives: { type: 'string' },
      'test-days': { type: 'string', default: String(DEFAULT_TEST_DAYS) },
      backend: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  if (values.file.length === 0) throw new Error('give --file PATH (one or more)');
  if (values.preset !== undefined && values.mapping !== undefined) throw new Error('give --preset NAME or --mapping JSON, not both');
  if (values.preset !== undefined) expectedPresetText(values.preset);
  const models = values.models.split(',').map((m) => oneOf('--models', m.trim(), MODEL_IDS));
  if (new Set(models).size !== models.length) throw new Error(`--models lists a model twice: ${values.models}`);
  const request = {
    protocol: oneOf('--protocol', values.protocol, ['loo', 'time']),
    testDays: positiveInt('--test-days', values['test-days']),
    models,
    hyper: { ...PRESETS[DEFAULT_PRESET], epochs: positiveInt('--epochs', values.epochs), dim: positiveInt('--dim', values.dim) },
    ...(values.negatives === undefined ? {} : { negatives: positiveInt('--negatives', values.negatives) }),
  };
  return {
    files: existingFiles(values.file),
    preset: values.preset,
    mapping: values.mapping === undefined ? {} : parseMapping(values.mapping),
    request,
    backend: values.backend === undefined ? undefined : oneOf('--backend', values.backend, BACKEND_ORDER),
    build: !values['no-build'],
    out: values.out && resolve(values.out),
  };
}
