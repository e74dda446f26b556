// Browser side of the DuckDB-WASM comparison: instantiate DuckDB, then load the chosen files into a
// table from File objects, as the app's import reads them. Exposed as `window.duckdbBench`.
/* global window, document, Worker */
import * as duckdb from '@duckdb/duckdb-wasm';

/** The single-threaded bundles; DuckDB picks `eh` (wasm exceptions) where the browser supports it. */
const BUNDLES = {
  mvp: { mainModule: '/_bench/duckdb/duckdb-mvp.wasm', mainWorker: '/_bench/duckdb/duckdb-browser-mvp.worker.js' },
  eh: { mainModule: '/_bench/duckdb/duckdb-eh.wasm', mainWorker: '/_bench/duckdb/duckdb-browser-eh.worker.js' },
};

let db = null;
let conn = null;

/** SQL string literal. */
const literal = (s) => `'${s.replaceAll("'", "''")}'`;

/** Instantiates DuckDB and opens a connection; resolves to the time it took and the bundle used. */
async function init() {
  const t0 = performance.now();
  const bundle = await duckdb.selectBundle(BUNDLES);
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  conn = await db.connect();
  await conn.query('SELECT 1');
  return { initMs: performance.now() - t0, bundle: bundle.mainModule === BUNDLES.eh.mainModule ? 'eh' : 'mvp', version: await db.getVersion() };
}

/** Loads the files of the input into table `t` with read_csv_auto or read_json_auto; resolves to the time and row count. */
async function load(reader) {
  const files = [...document.querySelector('input[type=file]').files];
  const t0 = performance.now();
  for (const f of files) await db.registerFileHandle(f.name, f, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  await conn.query(`CREATE TABLE t AS SELECT * FROM ${reader}([${files.map((f) => literal(f.name)).join(', ')}])`);
  const ms = performance.now() - t0;
  const rows = (await conn.query('SELECT count(*)::INTEGER AS n FROM t')).getChildAt(0).get(0);
  return { ms, rows };
}

window.duckdbBench = { init, load };
