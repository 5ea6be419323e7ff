// Turns bench/import/run.sh's record (one JSON object per line) into Markdown tables with
// ratios, and checks that every engine put the same number of customers in each tier.
// Wall seconds wait for whatever else the machine runs; CPU seconds (user + system of the
// process, or of the query for DuckDB) do not, so both are shown. Exit 1 when counts disagree.
//
//   node report.mjs RESULTS/steps.jsonl
import { readFileSync } from 'node:fs';

const steps = readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const find = (pred) => steps.find(pred);
const all = (pred) => steps.filter(pred);

const n = (x) => Math.round(x).toLocaleString('en-US');
const s = (x) => (x === undefined || Number.isNaN(x) ? '–' : x < 10 ? `${x.toFixed(3)} s` : `${x.toFixed(1)} s`);
const mrate = (rows, sec) => (sec === undefined ? '–' : `${(rows / sec / 1e6).toFixed(3)} M`);
const ratio = (x, base) => (x === undefined || base === undefined ? '–' : `${(x / base).toFixed(1)}×`);
const cpuOf = (p) => (p ? p.user + p.sys : undefined);

const run = find((x) => x.step === 'run');
const lines = [];
const out = (l = '') => lines.push(l);
out(`Data: ${n(run.customers)} customers, ${n(run.transactions)} transactions over 24 months; ` +
    `tiers as of ${run.as_of}; ${run.cores} cores; started ${run.started} (load average ${run.load}).`);
const gen = find((x) => x.step === 'generate');
if (gen) out(`Generated in ${s(gen.seconds)} (transactions CSV ${(gen.bytes / 2 ** 30).toFixed(2)} GiB).`);
out();

// Import.
const kc = find((x) => x.step === 'kams_import_customers');
const kt = find((x) => x.step === 'kams_import_transactions');
const dup = find((x) => x.step === 'kams_import_duplicates');
const sl = find((x) => x.step === 'sqlite_load_transactions');
const dstep = find((x) => x.step === 'duckdb');
const duck = dstep?.result;
const rows = kt.report.rows;
const kWall = kt.report.seconds;
out('| import of the transactions CSV | wall | rows/s (wall) | CPU | rows per CPU second | wall ÷ KAMS | load average after |');
out('|---|---:|---:|---:|---:|---:|---|');
out(`| KAMS \`kams import transactions\` (SQLite; roll-ups, audit row, duplicate check per batch) | ${s(kWall)} | ${mrate(rows, kWall)} | ${s(cpuOf(kt.process))} | ${mrate(rows, cpuOf(kt.process))} | 1.0× | ${kt.load} |`);
if (sl) {
  out(`| sqlite3 \`.import\` into a plain table | ${s(sl.seconds)} | ${mrate(rows, sl.seconds)} | ${s(cpuOf(sl.process))} | ${mrate(rows, cpuOf(sl.process))} | ${ratio(sl.seconds, kWall)} | ${sl.load} |`);
  const both = sl.seconds + sl.index_seconds;
  const bothCpu = cpuOf(sl.process) + cpuOf(sl.index_process);
  out(`| sqlite3 \`.import\`, then the two indexes KAMS keeps (unique txn_id; customer, date) | ${s(both)} | ${mrate(rows, both)} | ${s(bothCpu)} | ${mrate(rows, bothCpu)} | ${ratio(both, kWall)} | ${sl.load} |`);
}
if (duck) {
  out(`| DuckDB \`CREATE TABLE AS SELECT … read_csv\` (column store, no index, ${duck.threads} threads) | ${s(duck.transactions_load_seconds)} | ${mrate(rows, duck.transactions_load_seconds)} | ${s(duck.transactions_load_cpu_seconds)} | ${mrate(rows, duck.transactions_load_cpu_seconds)} | ${ratio(duck.transactions_load_seconds, kWall)} | ${dstep.load} |`);
}
out();
out(`KAMS imported ${n(kt.report.imported)} of ${n(rows)} rows (${n(kt.report.rejected)} rejected); ` +
    `the customers CSV: ${n(kc.report.imported)} in ${s(kc.report.seconds)}. ` +
    `Re-importing the first ${n(dup.report.rows)} transactions: ${n(dup.report.rejected)} refused as duplicates, ` +
    `${n(dup.report.imported)} imported, in ${s(dup.report.seconds)}.`);
const kdb = find((x) => x.step === 'kams_db');
if (kdb) out(`KAMS database: ${(kdb.bytes / 2 ** 30).toFixed(2)} GiB${sl ? `; sqlite3 table + indexes: ${(sl.bytes / 2 ** 30).toFixed(2)} GiB` : ''}.`);
out();

// Re-tiering in KAMS.
out('| scheme | `kams retier` | load | evaluate | apply (of which commit) | changes | process wall | process CPU | load average after |');
out('|---|---|---:|---:|---:|---:|---:|---:|---|');
const retier = (scheme, kind) => find((x) => x.step === 'kams_retier' && x.scheme === scheme && x.run === kind);
for (const scheme of ['abc', 'stars']) {
  for (const kind of ['dry_run', 'first_apply', 'reapply']) {
    const r = retier(scheme, kind);
    const t = r.report.timings;
    const apply = kind === 'dry_run' ? '–' : `${s(t.apply_seconds)} (${s(t.commit_seconds)})`;
    out(`| ${scheme} | ${kind.replace('_', ' ')} | ${s(t.load_seconds)} | ${s(t.evaluate_seconds)} | ${apply} | ${n(r.report.changes)} | ${s(r.wall_seconds)} | ${s(cpuOf(r.process))} | ${r.load} |`);
  }
}
out();

// The same classification as SQL.
let mismatch = false;
const asCounts = (rowsOrObject) => {
  if (Array.isArray(rowsOrObject)) return Object.fromEntries(rowsOrObject.map((r) => [r.tier, Number(r.customers)]));
  return Object.fromEntries(Object.entries(rowsOrObject).filter(([, v]) => v > 0));
};
const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
const countsText = (c) => Object.entries(c).sort().map(([k, v]) => `${k} ${n(v)}`).join(', ');
out('| scheme | KAMS dry run: load + evaluate (process CPU) | SQLite SQL, raw transactions | SQLite SQL, KAMS roll-ups | DuckDB SQL, raw transactions (2 threads) |');
out('|---|---|---|---|---|');
const summary = [];
for (const scheme of ['abc', 'stars']) {
  const dry = retier(scheme, 'dry_run');
  const t = dry.report.timings;
  const kams = t.load_seconds + t.evaluate_seconds;
  const kamsCpu = cpuOf(dry.process);
  const raw = find((x) => x.step === 'sqlite_sql' && x.source === 'sqlite' && x.scheme === scheme);
  const roll = find((x) => x.step === 'sqlite_sql' && x.source === 'rollups' && x.scheme === scheme);
  const dk = duck?.[scheme];
  const cell = (wall, cpu) =>
    wall === undefined ? '–' : `${s(wall)} = ${ratio(wall, kams)} KAMS (CPU ${s(cpu)} = ${ratio(cpu, kamsCpu)})`;
  out(`| ${scheme} | ${s(kams)} (${s(kamsCpu)}) | ${cell(raw?.seconds, cpuOf(raw?.process))} | ${cell(roll?.seconds, cpuOf(roll?.process))} | ${cell(dk?.seconds, dk?.cpu_seconds)} |`);

  const reference = asCounts(dry.report.counts);
  const others = [['KAMS first apply', asCounts(retier(scheme, 'first_apply').report.counts)]];
  if (raw) others.push(['SQLite raw', asCounts(raw.counts)]);
  if (roll) others.push(['SQLite roll-ups', asCounts(roll.counts)]);
  if (dk) others.push(['DuckDB', asCounts(dk.counts)]);
  const differing = others.filter(([, c]) => !same(reference, c));
  for (const [who, c] of differing) {
    mismatch = true;
    console.error(`${scheme}: ${who} counts ${countsText(c)} differ from KAMS ${countsText(reference)}`);
  }
  summary.push(`${scheme}: ${countsText(reference)} — ${differing.length ? 'DIFFERENT elsewhere (see errors)' : `the same in all ${others.length + 1} results`}.`);
}
out();
for (const line of summary) out(line);
if (duck) {
  out(`DuckDB SQL: best of ${duck.abc.runs.length} runs in one process (abc ${duck.abc.runs.map((x) => x.toFixed(2)).join(', ')} s; ` +
      `stars ${duck.stars.runs.map((x) => x.toFixed(2)).join(', ')} s); SQLite and KAMS ran once each, each a fresh process.`);
}
const loads = all((x) => x.step === 'sqlite_sql').map((x) => x.load);
if (loads.length) out(`Load averages after the SQLite SQL runs: ${loads.join('; ')}.`);
console.log(lines.join('\n'));
process.exit(mismatch ? 1 : 0);
