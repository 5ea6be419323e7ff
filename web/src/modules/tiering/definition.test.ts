import { describe, expect, it } from 'vitest';
import {
  emptyFormValues,
  formPathOf,
  readDefinition,
  sameDefinition,
  tierNames,
  toDefinition,
  toFormValues,
  type ConditionValues,
  type SchemeDefinition,
  type SchemeFormValues,
} from './definition';

// The documented examples (server/tests/api/tiering_test.cc), as the server stores them.
const ABC: SchemeDefinition = {
  name: 'ABC by revenue',
  kind: 'abc',
  metric: 'revenue',
  window_months: 12,
  cuts_percent: [80, 95],
  tiers: ['A', 'B', 'C'],
};
const STARS: SchemeDefinition = {
  name: 'Star level',
  kind: 'stars',
  metric: 'revenue',
  months: 6,
  levels: [
    { tier: '3star', min_fen: 3000000 },
    { tier: '4star', min_fen: 5000000 },
    { tier: '5star', min_fen: 8000000 },
  ],
};
const RULES: SchemeDefinition = {
  name: 'Key-account grade',
  kind: 'rules',
  tiers: [
    {
      tier: 'strategic',
      all: [{ metric: 'revenue', window_months: 12, op: '>=', value_fen: 500000000 }],
    },
    {
      tier: 'key',
      any: [
        { metric: 'revenue', window_months: 12, op: '>=', value_fen: 100000000 },
        { metric: 'orders', window_months: 12, op: '>=', value: 120 },
      ],
    },
  ],
};

/** Values with one rules condition replaced (merged with what it was). */
function withCondition(
  v: SchemeFormValues,
  tier: number,
  condition: number,
  change: Partial<ConditionValues>,
): void {
  v.rules = v.rules.map((r, i) =>
    i !== tier
      ? r
      : {
          ...r,
          conditions: r.conditions.map((c, k) => (k === condition ? { ...c, ...change } : c)),
        },
  );
}

function edited(definition: SchemeDefinition, change: (v: SchemeFormValues) => void) {
  const values = toFormValues(definition);
  change(values);
  return toDefinition(values);
}

describe('form ↔ definition', () => {
  it.each([
    ['abc', ABC],
    ['stars', STARS],
    ['rules', RULES],
    ['with key-account tiers', { ...ABC, key_account_tiers: ['A'] } as SchemeDefinition],
  ])('%s round-trips exactly', (_name, definition) => {
    expect(toDefinition(toFormValues(definition))).toEqual({ ok: true, definition });
  });

  it('shows money thresholds in yuan and counts as they are', () => {
    const values = toFormValues(RULES);
    expect(values.rules[0]?.conditions[0]?.amount).toBe('5000000.00');
    expect(values.rules[1]?.combine).toBe('any');
    expect(values.rules[1]?.conditions[1]?.amount).toBe('120');
    expect(toFormValues(STARS).levels.map((l) => l.min_yuan)).toEqual([
      '30000.00',
      '50000.00',
      '80000.00',
    ]);
    expect(toFormValues(ABC).classes).toEqual([
      { tier: 'A', cut: 80 },
      { tier: 'B', cut: 95 },
      { tier: 'C', cut: null },
    ]);
  });

  it.each([
    // [yuan typed, fen stored]
    ['3000000', 300000000],
    ['1,000,000.5', 100000050],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 in floating point
    [' 80000.01 ', 8000001],
    ['90071992547409.91', 9007199254740991], // the largest exact integer
  ])('yuan %s is %d fen exactly', (yuan, fen) => {
    const result = edited(STARS, (v) => {
      v.levels[2] = { tier: '5star', min_yuan: yuan };
    });
    expect(result.ok && result.definition.kind === 'stars' && result.definition.levels[2]).toEqual({
      tier: '5star',
      min_fen: fen,
    });
  });

  it.each([
    ['1.005', 'invalid_money'],
    ['-5', 'invalid_money'],
    ['十万', 'invalid_money'],
    ['', 'invalid_money'],
    ['90071992547409.92', 'invalid_money'], // beyond exact integers
  ])('yuan %j is refused as %s', (yuan, problem) => {
    const result = edited(RULES, (v) => {
      withCondition(v, 0, 0, { amount: yuan });
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ name: ['rules', 0, 'conditions', 0, 'amount'], problem }],
    });
  });

  it.each([
    ['12.5', 'invalid_count'],
    ['', 'invalid_count'],
    ['abc', 'invalid_count'],
  ])('an order count %j is refused as %s', (count, problem) => {
    const result = edited(RULES, (v) => {
      withCondition(v, 1, 1, { amount: count });
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ name: ['rules', 1, 'conditions', 1, 'amount'], problem }],
    });
  });

  it('writes the value field the metric needs when a condition changes metric', () => {
    const result = edited(RULES, (v) => {
      withCondition(v, 1, 1, { metric: 'margin', window_months: 6, op: '>', amount: '12.30' });
      v.rules = v.rules.map((r, i) => (i === 0 ? { ...r, combine: 'any' } : r));
    });
    expect(result.ok && result.definition).toEqual({
      ...RULES,
      tiers: [
        {
          tier: 'strategic',
          any: [{ metric: 'revenue', window_months: 12, op: '>=', value_fen: 500000000 }],
        },
        {
          tier: 'key',
          any: [
            { metric: 'revenue', window_months: 12, op: '>=', value_fen: 100000000 },
            { metric: 'margin', window_months: 6, op: '>', value_fen: 1230 },
          ],
        },
      ],
    });
  });

  it('abc classes become cuts (one fewer) and names', () => {
    const result = edited(ABC, (v) => {
      v.classes = [
        { tier: 'A', cut: 70 },
        { tier: 'B', cut: 90 },
        { tier: 'C', cut: 97 },
        { tier: ' D ', cut: null },
      ];
    });
    expect(result.ok && result.definition).toEqual({
      ...ABC,
      cuts_percent: [70, 90, 97],
      tiers: ['A', 'B', 'C', 'D'],
    });
  });

  it('keeps only the chosen kind, and trims the name', () => {
    const values = { ...emptyFormValues('stars'), name: '  星级 ' };
    const result = toDefinition(values);
    expect(result.ok && result.definition).toEqual({ ...STARS, name: '星级' });
  });
});

describe('reading JSON', () => {
  it.each<[string, unknown, SchemeDefinition | null]>([
    ['a stored definition', RULES, RULES],
    [
      'keys in any order',
      JSON.parse(
        '{"levels": [{"min_fen": 3000000, "tier": "3star"}, {"min_fen": 5000000, "tier": "4star"},' +
          ' {"min_fen": 8000000, "tier": "5star"}], "months": 6, "metric": "revenue",' +
          ' "name": "Star level", "kind": "stars"}',
      ),
      STARS,
    ],
    ['abc with defaults', { name: 'ABC by revenue', kind: 'abc' }, ABC],
    [
      'abc with cuts only: names A, B, …',
      { name: 'x', kind: 'abc', cuts_percent: [50, 80, 95] },
      { ...ABC, name: 'x', cuts_percent: [50, 80, 95], tiers: ['A', 'B', 'C', 'D'] },
    ],
    [
      'a condition without a window',
      {
        name: 'r',
        kind: 'rules',
        tiers: [{ tier: 'k', any: [{ metric: 'orders', op: '>', value: 3 }] }],
      },
      {
        name: 'r',
        kind: 'rules',
        tiers: [{ tier: 'k', any: [{ metric: 'orders', window_months: 12, op: '>', value: 3 }] }],
      },
    ],
    ['an unknown kind', { name: 'x', kind: 'pareto' }, null],
    ['no name', { kind: 'abc' }, null],
    [
      'a money value in yuan',
      { name: 'x', kind: 'stars', levels: [{ tier: 'a', min_fen: 1.5 }] },
      null,
    ],
    [
      'an orders value as fen',
      {
        name: 'r',
        kind: 'rules',
        tiers: [{ tier: 'k', all: [{ metric: 'orders', op: '>', value_fen: 3 }] }],
      },
      null,
    ],
    ['neither all nor any', { name: 'r', kind: 'rules', tiers: [{ tier: 'k' }] }, null],
    ['not an object', [1, 2], null],
  ])('%s', (_name, json, expected) => {
    expect(readDefinition(json)).toEqual(expected);
  });

  it('compares definitions whatever the key order', () => {
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    const shuffled = reversed(RULES) as SchemeDefinition;
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(RULES));
    expect(sameDefinition(shuffled, RULES)).toBe(true);
    expect(sameDefinition(ABC, { ...ABC, cuts_percent: [80, 96] })).toBe(false);
  });

  it.each<[SchemeDefinition, string[]]>([
    [ABC, ['A', 'B', 'C']],
    [STARS, ['5star', '4star', '3star']],
    [RULES, ['strategic', 'key']],
  ])('tier names, best first (%#)', (definition, names) => {
    expect(tierNames(definition)).toEqual(names);
  });
});

describe('server problem paths → form fields', () => {
  it.each<[SchemeDefinition['kind'], string, (string | number)[] | null]>([
    ['rules', 'definition.tiers[1].any[0].op', ['rules', 1, 'conditions', 0, 'op']],
    ['rules', 'tiers[1].any[0].op', ['rules', 1, 'conditions', 0, 'op']],
    ['rules', 'definition.tiers[0].all[2].value_fen', ['rules', 0, 'conditions', 2, 'amount']],
    ['rules', 'tiers[0].any[1].value', ['rules', 0, 'conditions', 1, 'amount']],
    ['rules', 'tiers[0].all[1].colour', ['rules', 0, 'conditions']],
    ['rules', 'tiers[0].any[0].window_months', ['rules', 0, 'conditions', 0, 'window_months']],
    ['rules', 'tiers[2].tier', ['rules', 2, 'tier']],
    ['rules', 'tiers[2].all', ['rules', 2, 'conditions']],
    ['rules', 'tiers', ['rules']],
    ['stars', 'definition.levels[1].min_fen', ['levels', 1, 'min_yuan']],
    ['stars', 'levels[0].tier', ['levels', 0, 'tier']],
    ['stars', 'levels', ['levels']],
    ['stars', 'metric', ['metric']],
    ['abc', 'definition.cuts_percent', ['classes']],
    ['abc', 'tiers[2]', ['classes', 2, 'tier']],
    ['abc', 'tiers', ['classes']],
    ['abc', 'window_months', ['window_months']],
    ['abc', 'definition.key_account_tiers[0]', ['key_account_tiers']],
    ['abc', 'name', ['name']],
    ['abc', 'definition', null],
    ['abc', 'as_of', null],
  ])('%s: %s', (kind, path, expected) => {
    expect(formPathOf(kind, path)).toEqual(expected);
  });
});
