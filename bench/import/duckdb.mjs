// The DuckDB side of bench/import/run.sh: loads the generated CSV files into a DuckDB
// database (column store, no index) and runs the ABC and stars classifications as SQL over
// the raw transactions. Prints one JSON object.
//
//   node duckdb.mjs --data DIR --db FILE --abc-from D --stars-from D --to D [--threads 2]
//                   [--repeat 3]
import { DuckDBInstance } from '@duckdb/node-api';
import { abcSql, starsSql } from './queries.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
for (const required of ['data', 'db', 'abc-from', 'stars-from', 'to']) {
  if (!args[required]) {
    console.error(`duckdb.mjs: --${required} is required`);
    process.exit(2);
  }
}
const threads = args.threads ?? '2';
const repeat = Number(args.repeat ?? 3);

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
// CPU seconds of this process (DuckDB's threads included) since `since`.
const cpu = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

const instance = await DuckDBInstance.create(args.db, { threads });
const conn = await instance.connect();
const rows = async (sql) => (await conn.runAndReadAll(sql)).getRowsJS();

const out = { engine: 'duckdb', threads: Number(threads) };

let start = process.hrtime.bigint();
let cpuStart = process.cpuUsage();
await conn.run(`CREATE TABLE customer AS SELECT * FROM read_csv('${args.data}/customers.csv', header = true,
  columns = {'customer_id': 'VARCHAR', 'name': 'VARCHAR', 'region': 'VARCHAR', 'industry': 'VARCHAR', 'created_at': 'DATE'})`);
out.customers_load_seconds = seconds(start);
out.customers = Number((await rows('SELECT count(*) FROM customer'))[0][0]);

start = process.hrtime.bigint();
cpuStart = process.cpuUsage();
await conn.run(`CREATE TABLE txn AS SELECT txn_id, customer_id, date, CAST(amount * 100 AS BIGINT) AS amount_fen
  FROM read_csv('${args.data}/transactions.csv', header = true,
  columns = {'txn_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DECIMAL(18,2)'})`);
out.transactions_load_seconds = seconds(start);
out.transactions_load_cpu_seconds = cpu(cpuStart);
out.transactions = Number((await rows('SELECT count(*) FROM txn'))[0][0]);

const timed = async (sql) => {
  const times = [];
  const cpus = [];
  let result;
  for (let k = 0; k < repeat; ++k) {
    start = process.hrtime.bigint();
    cpuStart = process.cpuUsage();
    result = await rows(sql);
    times.push(seconds(start));
    cpus.push(cpu(cpuStart));
  }
  const counts = {};
  for (const [tier, n] of result) counts[tier] = Number(n);
  return { seconds: Math.min(...times), runs: times, cpu_seconds: Math.min(...cpus), cpu_runs: cpus, counts };
};
out.abc = await timed(abcSql('duckdb', 'txn', args['abc-from'], args.to));
out.stars = await timed(starsSql('duckdb', 'txn', args['stars-from'], args.to));

conn.closeSync?.();
console.log(JSON.stringify(out));
