// Turns bench/import/run.sh's record (one JSON object per line) into Markdown tables with
// ratios, and checks that every engine put the same number of customers in each tier.
// Exit 1 when counts disagree.
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
const s = (x) => (x === undefined ? '–' : x < 10 ? `${x.toFixed(3)} s` : `${x.toFixed(1)} s`);
const rate = (rows, sec) => `${(rows / sec / 1e6).toFixed(2)} M/s`;
const ratio = (x, base) => `${(x / base).toFixed(2)}×`;

const run = find((x) => x.step === 'run');
const lines = [];
const out = (l = '') => lines.push(l);
out(`Data: ${n(run.customers)} customers, ${n(run.transactions)} transactions over 24 months; ` +
    `tiers as of ${run.as_of}; ${run.cores} cores; started ${run.started}.`);
const gen = find((x) => x.step === 'generate');
if (gen) out(`Generated in ${s(gen.seconds)} (transactions CSV ${(gen.bytes / 2 ** 30).toFixed(2)} GiB, load ${gen.load}).`);
out();

// Import.
const kc = find((x) => x.step === 'kams_import_customers');
const kt = find((x) => x.step === 'kams_import_transactions');
const dup = find((x) => x.step === 'kams_import_duplicates');
const sl = find((x) => x.step === 'sqlite_load_transactions');
const duck = find((x) => x.step === 'duckdb')?.result;
const duckLoad = find((x) => x.step === 'duckdb')?.load;
const rows = kt.report.rows;
out('| import of the transactions CSV | seconds | rows/s | KAMS ÷ it | load average |');
out('|---|---:|---:|---:|---|');
out(`| KAMS \`kams import transactions\` (SQLite, roll-ups + audit per batch) | ${s(kt.report.seconds)} | ${rate(rows, kt.report.seconds)} | 1.00× | ${kt.load} |`);
if (sl) {
  out(`| sqlite3 \`.import\` into a plain table | ${s(sl.seconds)} | ${rate(rows, sl.seconds)} | ${ratio(sl.seconds, kt.report.seconds)} | ${sl.load} |`);
  const both = sl.seconds + sl.index_seconds;
  out(`| sqlite3 \`.import\`, then the two indexes KAMS keeps | ${s(both)} | ${rate(rows, both)} | ${ratio(both, kt.report.seconds)} | ${sl.load} |`);
}
if (duck) {
  out(`| DuckDB \`CREATE TABLE AS read_csv\` (column store, ${duck.threads} threads) | ${s(duck.transactions_load_seconds)} | ${rate(rows, duck.transactions_load_seconds)} | ${ratio(duck.transactions_load_seconds, kt.report.seconds)} | ${duckLoad} |`);
}
out();
out(`KAMS imported ${n(kt.report.imported)} of ${n(rows)} rows (${n(kt.report.rejected)} rejected); ` +
    `customers: ${n(kc.report.imported)} in ${s(kc.report.seconds)} (${rate(kc.report.rows, kc.report.seconds)}). ` +
    `Re-importing the first ${n(dup.report.rows)} transactions: ${n(dup.report.rejected)} refused as duplicates, ` +
    `${n(dup.report.imported)} imported, in ${s(dup.report.seconds)}.`);
const kdb = find((x) => x.step === 'kams_db');
if (kdb) out(`KAMS database: ${(kdb.bytes / 2 ** 30).toFixed(2)} GiB${sl ? `; sqlite3 table + indexes: ${(sl.bytes / 2 ** 30).toFixed(2)} GiB` : ''}.`);
out();

// Re-tiering.
let mismatch = false;
const asCounts = (rowsOrObject) => {
  if (Array.isArray(rowsOrObject)) return Object.fromEntries(rowsOrObject.map((r) => [r.tier, Number(r.customers)]));
  return Object.fromEntries(Object.entries(rowsOrObject).filter(([, v]) => v > 0));
};
const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
const countsText = (c) => Object.entries(c).sort().map(([k, v]) => `${k} ${n(v)}`).join(', ');

out('| scheme | KAMS dry run: load + evaluate | KAMS first apply: load / evaluate / apply (changes) | KAMS re-apply | SQLite SQL, raw transactions | SQLite SQL, KAMS roll-ups | DuckDB SQL, raw transactions |');
out('|---|---|---|---|---|---|---|');
for (const scheme of ['abc', 'stars']) {
  const r = (kind) => find((x) => x.step === 'kams_retier' && x.scheme === scheme && x.run === kind);
  const dry = r('dry_run'), first = r('first_apply'), again = r('reapply');
  const t = dry.report.timings;
  const kams = t.load_seconds + t.evaluate_seconds;
  const cell = (x) => {
    const tt = x.report.timings;
    return `${s(tt.load_seconds)} / ${s(tt.evaluate_seconds)} / ${s(tt.apply_seconds)} (${n(x.report.changes)}); process ${s(x.wall_seconds)}`;
  };
  const sqlCell = (sec) => (sec === undefined ? '–' : `${s(sec)} (${ratio(sec, kams)} KAMS)`);
  const raw = find((x) => x.step === 'sqlite_sql' && x.source === 'sqlite' && x.scheme === scheme);
  const roll = find((x) => x.step === 'sqlite_sql' && x.source === 'rollups' && x.scheme === scheme);
  const dk = duck?.[scheme];
  out(`| ${scheme} | ${s(kams)} (${s(t.load_seconds)} + ${s(t.evaluate_seconds)}); process ${s(dry.wall_seconds)} | ${cell(first)} | ${cell(again)} | ${sqlCell(raw?.seconds)} | ${sqlCell(roll?.seconds)} | ${sqlCell(dk?.seconds)} |`);

  const reference = asCounts(dry.report.counts);
  const others = [['KAMS first apply', asCounts(first.report.counts)]];
  if (raw) others.push(['SQLite raw', asCounts(raw.counts)]);
  if (roll) others.push(['SQLite roll-ups', asCounts(roll.counts)]);
  if (dk) others.push(['DuckDB', asCounts(dk.counts)]);
  for (const [who, c] of others) {
    if (!same(reference, c)) {
      mismatch = true;
      console.error(`${scheme}: ${who} counts ${countsText(c)} differ from KAMS ${countsText(reference)}`);
    }
  }
  steps.push({ step: 'counts', scheme, text: countsText(reference), engines: others.length + 1 });
}
out();
for (const c of all((x) => x.step === 'counts')) {
  out(`${c.scheme}: ${c.text} — ${mismatch ? 'see the errors above' : `the same in all ${c.engines} results`}.`);
}
if (duck) out(`DuckDB SQL times are the best of ${duck.abc.runs.length} runs (abc: ${duck.abc.runs.map((x) => x.toFixed(2)).join(', ')} s; stars: ${duck.stars.runs.map((x) => x.toFixed(2)).join(', ')} s); SQLite and KAMS ran once each, every one a fresh process.`);
const loads = all((x) => x.step === 'sqlite_sql').map((x) => x.load);
if (loads.length) out(`Load averages during the SQL runs: ${loads.join('; ')}.`);
console.log(lines.join('\n'));
process.exit(mismatch ? 1 : 0);
