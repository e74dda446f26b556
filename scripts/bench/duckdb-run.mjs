// The DuckDB-WASM side of one benchmark run: in the same browser as the app run, a separate context
// loads the same files from File objects into a DuckDB table.
import { basename } from 'node:path';

/** Longest wait for DuckDB to instantiate or load, in ms. */
const DUCKDB_TIMEOUT_MS = 15 * 60_000;

/** DuckDB's reader for a file: read_json_auto for JSON / JSON Lines (gzipped or not), read_csv_auto otherwise. */
function duckdbReader(files) {
  const json = files.map((f) => /\.(json|jsonl|ndjson)(\.gz)?$/i.test(basename(f)));
  if (json.some((j) => j !== json[0])) throw new Error('DuckDB comparison: mix of JSON and delimited files; pass one kind per run');
  return json[0] ? 'read_json_auto' : 'read_csv_auto';
}

/** Instantiates DuckDB-WASM (timed apart) and loads `files` with `CREATE TABLE t AS SELECT * FROM <reader>(…)`. */
export async function runDuckdb(browser, origin, files, log) {
  const context = await browser.newContext({ baseURL: origin });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(DUCKDB_TIMEOUT_MS);
    page.on('pageerror', (e) => log(`DuckDB page error: ${e.message}`));
    await page.goto('/_bench/duckdb.html');
    await page.waitForFunction(() => 'duckdbBench' in globalThis);
    const init = await page.evaluate(() => globalThis.duckdbBench.init());
    await page.locator('input[type=file]').setInputFiles(files);
    const reader = duckdbReader(files);
    const load = await page.evaluate((r) => globalThis.duckdbBench.load(r), reader).catch((e) => {
      // DuckDB-WASM ships without its json extension and fetches it from extensions.duckdb.org on first use.
      if (reader !== 'read_json_auto') throw e;
      throw new Error(`read_json_auto failed (${e.message.split('\n')[0]}): DuckDB-WASM downloads its json extension at run time; is extensions.duckdb.org reachable?`);
    });
    return { duckdbInitMs: init.initMs, duckdbMs: load.ms, duckdbRows: load.rows, duckdbBundle: init.bundle, duckdbVersion: init.version, duckdbReader: reader };
  } finally {
    await context.close();
  }
}
