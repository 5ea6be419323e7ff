// The benchmark's two tier schemes as SQL, for SQLite and DuckDB, with KAMS's semantics
// (server/src/core/tiering/evaluate.cc):
//   abc    customers with revenue > 0 over the window, ranked by revenue (ties by the
//          customer's reference); a customer is A while the revenue of everyone ranked
//          before them is under 80 % of the total, B under 95 %, else C;
//   stars  the lowest monthly revenue over the last 6 months (a month without
//          transactions counts as 0) reaching 80,000 / 50,000 / 30,000 yuan: 5, 4, 3 stars.
// Each query answers (tier, customers) rows, customers without a tier left out.
//
//   node queries.mjs sqlite abc|stars FROM TO          prints the query over raw transactions
//   node queries.mjs rollups abc|stars FIRST LAST      … over KAMS's own customer_month
//                                                      (months as year * 12 + month - 1)

export const kAbcCuts = [80, 95];
export const kAbcTiers = ['A', 'B', 'C'];
export const kStarsMonths = 6;
export const kStarLevels = [
  ['5star', 8000000],
  ['4star', 5000000],
  ['3star', 3000000],
];

// Where the rows come from: raw transactions (one row per transaction, amounts per engine)
// or the KAMS database's monthly roll-ups.
function source(engine, table, from, to) {
  if (engine === 'rollups') {
    return {
      rows: `customer_month m JOIN customer c ON c.id = m.customer_id WHERE m.month BETWEEN ${Number(from)} AND ${Number(to)}`,
      key: 'c.external_ref',
      amount: 'm.revenue_fen',
      month: 'm.month',
    };
  }
  return {
    rows: `${table} WHERE date >= '${from}' AND date <= '${to}'`,
    key: 'customer_id',
    // SQLite keeps the CSV's yuan as REAL: cents are exact below 2^53.
    amount: engine === 'sqlite' ? 'round(amount * 100)' : 'amount_fen',
    month: engine === 'sqlite' ? 'substr(date, 1, 7)' : "date_trunc('month', date)",
  };
}

export function abcSql(engine, table, from, to) {
  const s = source(engine, table, from, to);
  const tier = kAbcCuts.map((cut, i) => `WHEN before * 100 < ${cut} * total THEN '${kAbcTiers[i]}'`).join(' ');
  return `WITH v AS (SELECT ${s.key} AS customer, sum(${s.amount}) AS v FROM ${s.rows} GROUP BY ${s.key}),
r AS (SELECT coalesce(sum(v) OVER (ORDER BY v DESC, customer ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
             sum(v) OVER () AS total FROM v WHERE v > 0)
SELECT CASE ${tier} ELSE '${kAbcTiers[kAbcTiers.length - 1]}' END AS tier, count(*) AS customers
FROM r GROUP BY tier ORDER BY tier`;
}

export function starsSql(engine, table, from, to) {
  const s = source(engine, table, from, to);
  const tier = kStarLevels.map(([name, min]) => `WHEN lowest >= ${min} THEN '${name}'`).join(' ');
  return `WITH m AS (SELECT ${s.key} AS customer, ${s.month} AS ym, sum(${s.amount}) AS revenue FROM ${s.rows} GROUP BY ${s.key}, ${s.month}),
c AS (SELECT CASE WHEN count(*) < ${kStarsMonths} THEN (CASE WHEN min(revenue) < 0 THEN min(revenue) ELSE 0 END)
                  ELSE min(revenue) END AS lowest FROM m GROUP BY customer),
t AS (SELECT CASE ${tier} END AS tier FROM c)
SELECT tier, count(*) AS customers FROM t WHERE tier IS NOT NULL GROUP BY tier ORDER BY tier`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [engine, scheme, from, to] = process.argv.slice(2);
  if (!['sqlite', 'rollups'].includes(engine) || !['abc', 'stars'].includes(scheme) || !to) {
    console.error('usage: node queries.mjs sqlite|rollups abc|stars FROM TO');
    process.exit(2);
  }
  console.log(`${(scheme === 'abc' ? abcSql : starsSql)(engine, 'txn', from, to)};`);
}
