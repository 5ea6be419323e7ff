// A tier scheme's definition (the JSON `kams retier` reads and the API stores) and the
// values the editor's form holds, both ways: money thresholds are yuan text in the form and
// exact fen in the definition, each kind keeps its own form fields, and the server's
// problem paths ("tiers[1].any[0].op") name the form field they belong to.
import type { TierSchemeDefinition } from '../../api/types';
import { fenToYuan, yuanToFen } from '../customers/money';

export type SchemeKind = TierSchemeDefinition['kind'];
export type Metric = 'revenue' | 'orders' | 'margin';
export type CompareOp = '>=' | '>' | '<=' | '<' | '=' | '!=';

export const SCHEME_KINDS: readonly SchemeKind[] = ['abc', 'stars', 'rules'];
export const METRICS: readonly Metric[] = ['revenue', 'orders', 'margin'];
export const MONEY_METRICS: readonly Metric[] = ['revenue', 'margin'];
export const COMPARE_OPS: readonly CompareOp[] = ['>=', '>', '<=', '<', '=', '!='];

export function isMoneyMetric(metric: Metric): boolean {
  return metric !== 'orders';
}

export type Condition = {
  metric: Metric;
  window_months: number;
  op: CompareOp;
  /** Money metrics. */
  value_fen?: number;
  /** Orders. */
  value?: number;
};
export type RuleTier = { tier: string; all?: Condition[]; any?: Condition[] };
export type StarLevel = { tier: string; min_fen: number };

type Common = { name: string; key_account_tiers?: string[] };
export type AbcDefinition = Common & {
  kind: 'abc';
  metric: Metric;
  window_months: number;
  cuts_percent: number[];
  tiers: string[];
};
export type StarsDefinition = Common & {
  kind: 'stars';
  metric: Metric;
  months: number;
  levels: StarLevel[];
};
export type RulesDefinition = Common & { kind: 'rules'; tiers: RuleTier[] };
/** A definition as the server stores it: every field written out, defaults included. */
export type SchemeDefinition = AbcDefinition | StarsDefinition | RulesDefinition;

// ------------------------------------------------------------------ the form's values

export type ConditionValues = {
  metric: Metric;
  window_months: number | null;
  op: CompareOp;
  /** Yuan text for money metrics, a whole number as text for orders. */
  amount: string;
};
export type RuleTierValues = {
  tier: string;
  combine: 'all' | 'any';
  conditions: ConditionValues[];
};
export type AbcClassValues = {
  tier: string;
  /** Where the class ends, as a cumulative share in percent; none for the last class. */
  cut?: number | null;
};
export type LevelValues = { tier: string; min_yuan: string };

/** Every kind's fields at once, so switching the kind of a new scheme loses nothing. */
export type SchemeFormValues = {
  name: string;
  kind: SchemeKind;
  key_account_tiers: string[];
  // abc and stars
  metric: Metric;
  // abc
  window_months: number | null;
  classes: AbcClassValues[];
  // stars
  months: number | null;
  levels: LevelValues[];
  // rules
  rules: RuleTierValues[];
};

/** A form field's path, as antd's `name` takes it. */
export type FieldPath = (string | number)[];
export type FormProblem = { name: FieldPath; problem: string };

const DEFAULT_CLASSES: AbcClassValues[] = [
  { tier: 'A', cut: 80 },
  { tier: 'B', cut: 95 },
  { tier: 'C', cut: null },
];
const DEFAULT_LEVELS: LevelValues[] = [
  { tier: '3star', min_yuan: '30000.00' },
  { tier: '4star', min_yuan: '50000.00' },
  { tier: '5star', min_yuan: '80000.00' },
];
const DEFAULT_RULES: RuleTierValues[] = [
  {
    tier: 'strategic',
    combine: 'all',
    conditions: [{ metric: 'revenue', window_months: 12, op: '>=', amount: '5000000.00' }],
  },
  {
    tier: 'key',
    combine: 'any',
    conditions: [
      { metric: 'revenue', window_months: 12, op: '>=', amount: '1000000.00' },
      { metric: 'orders', window_months: 12, op: '>=', amount: '120' },
    ],
  },
];

/** A new scheme's starting values: the documented examples of each kind. */
export function emptyFormValues(kind: SchemeKind = 'abc'): SchemeFormValues {
  return {
    name: '',
    kind,
    key_account_tiers: [],
    metric: 'revenue',
    window_months: 12,
    classes: DEFAULT_CLASSES.map((c) => ({ ...c })),
    months: 6,
    levels: DEFAULT_LEVELS.map((l) => ({ ...l })),
    rules: DEFAULT_RULES.map((r) => ({ ...r, conditions: r.conditions.map((c) => ({ ...c })) })),
  };
}

function conditionAmount(c: Condition): string {
  if (isMoneyMetric(c.metric)) return c.value_fen === undefined ? '' : fenToYuan(c.value_fen);
  return c.value === undefined ? '' : String(c.value);
}

/** The form's values for a stored definition (other kinds' fields keep their defaults). */
export function toFormValues(definition: SchemeDefinition): SchemeFormValues {
  const values = emptyFormValues(definition.kind);
  values.name = definition.name;
  values.key_account_tiers = [...(definition.key_account_tiers ?? [])];
  switch (definition.kind) {
    case 'abc':
      values.metric = definition.metric;
      values.window_months = definition.window_months;
      values.classes = definition.tiers.map((tier, i) => ({
        tier,
        cut: definition.cuts_percent[i] ?? null,
      }));
      break;
    case 'stars':
      values.metric = definition.metric;
      values.months = definition.months;
      values.levels = definition.levels.map((l) => ({
        tier: l.tier,
        min_yuan: fenToYuan(l.min_fen),
      }));
      break;
    case 'rules':
      values.rules = definition.tiers.map((t) => ({
        tier: t.tier,
        combine: t.any ? 'any' : 'all',
        conditions: (t.any ?? t.all ?? []).map((c) => ({
          metric: c.metric,
          window_months: c.window_months,
          op: c.op,
          amount: conditionAmount(c),
        })),
      }));
      break;
  }
  return values;
}

const COUNT_PATTERN = /^\d{1,15}$/;

export type ToDefinition =
  { ok: true; definition: SchemeDefinition } | { ok: false; problems: FormProblem[] };

/**
 * The definition the form describes, written as the server writes it back; or the fields
 * whose text is not a number (the server judges everything else).
 */
export function toDefinition(values: SchemeFormValues): ToDefinition {
  const problems: FormProblem[] = [];
  const name = values.name.trim();
  const keyTiers = values.key_account_tiers.length
    ? { key_account_tiers: [...values.key_account_tiers] }
    : {};
  const number = (n: number | null | undefined) => (typeof n === 'number' ? n : 0);
  let definition: SchemeDefinition;
  switch (values.kind) {
    case 'abc':
      definition = {
        name,
        kind: 'abc',
        metric: values.metric,
        window_months: number(values.window_months),
        cuts_percent: values.classes.slice(0, -1).map((c) => number(c.cut)),
        tiers: values.classes.map((c) => c.tier.trim()),
        ...keyTiers,
      };
      break;
    case 'stars':
      definition = {
        name,
        kind: 'stars',
        metric: values.metric,
        months: number(values.months),
        levels: values.levels.map((l, i) => {
          const fen = yuanToFen(l.min_yuan);
          if (fen === null)
            problems.push({ name: ['levels', i, 'min_yuan'], problem: 'invalid_money' });
          return { tier: l.tier.trim(), min_fen: fen ?? 0 };
        }),
        ...keyTiers,
      };
      break;
    case 'rules':
      definition = {
        name,
        kind: 'rules',
        tiers: values.rules.map((r, i) => {
          const conditions = r.conditions.map((c, k): Condition => {
            const at: FieldPath = ['rules', i, 'conditions', k, 'amount'];
            const base = { metric: c.metric, window_months: number(c.window_months), op: c.op };
            if (isMoneyMetric(c.metric)) {
              const fen = yuanToFen(c.amount);
              if (fen === null) problems.push({ name: at, problem: 'invalid_money' });
              return { ...base, value_fen: fen ?? 0 };
            }
            const text = c.amount.trim();
            if (!COUNT_PATTERN.test(text)) problems.push({ name: at, problem: 'invalid_count' });
            return { ...base, value: COUNT_PATTERN.test(text) ? Number(text) : 0 };
          });
          const tier = r.tier.trim();
          return r.combine === 'any' ? { tier, any: conditions } : { tier, all: conditions };
        }),
        ...keyTiers,
      };
      break;
  }
  return problems.length ? { ok: false, problems } : { ok: true, definition };
}

// ------------------------------------------------------------------ reading definitions

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isMetric = (v: unknown): v is Metric => METRICS.includes(v as Metric);
const isOp = (v: unknown): v is CompareOp => COMPARE_OPS.includes(v as CompareOp);

function readCondition(v: unknown): Condition | null {
  if (!isObject(v) || !isMetric(v.metric) || !isOp(v.op)) return null;
  const window = v.window_months ?? 12;
  if (!isInt(window)) return null;
  const c: Condition = { metric: v.metric, window_months: window, op: v.op };
  const amount = isMoneyMetric(v.metric) ? v.value_fen : v.value;
  if (!isInt(amount)) return null;
  if (isMoneyMetric(v.metric)) c.value_fen = amount;
  else c.value = amount;
  return c;
}

function readRuleTier(v: unknown): RuleTier | null {
  if (!isObject(v) || !isString(v.tier)) return null;
  const key = Array.isArray(v.any) ? 'any' : Array.isArray(v.all) ? 'all' : null;
  if (!key) return null;
  const read = (v[key] as unknown[]).map(readCondition);
  if (read.some((c) => c === null)) return null;
  const conditions = read as Condition[];
  return key === 'any' ? { tier: v.tier, any: conditions } : { tier: v.tier, all: conditions };
}

/**
 * A definition from JSON (the raw editor, the API), with the server's defaults filled in;
 * null when its shape is not one the form can show (the server names the exact problem).
 */
export function readDefinition(v: unknown): SchemeDefinition | null {
  if (!isObject(v) || !isString(v.name)) return null;
  const keyTiers = v.key_account_tiers ?? [];
  if (!Array.isArray(keyTiers) || !keyTiers.every(isString)) return null;
  const common = { name: v.name, ...(keyTiers.length ? { key_account_tiers: keyTiers } : {}) };
  const metric = v.metric ?? 'revenue';
  switch (v.kind) {
    case 'abc': {
      const window = v.window_months ?? 12;
      const cuts = v.cuts_percent ?? [80, 95];
      if (!isMetric(metric) || !isInt(window) || !Array.isArray(cuts) || !cuts.every(isInt))
        return null;
      const tiers = v.tiers ?? cuts.concat(0).map((_, i) => String.fromCharCode(65 + i));
      if (!Array.isArray(tiers) || !tiers.every(isString)) return null;
      return { ...common, kind: 'abc', metric, window_months: window, cuts_percent: cuts, tiers };
    }
    case 'stars': {
      const months = v.months ?? 6;
      if (!isMetric(metric) || !isInt(months) || !Array.isArray(v.levels)) return null;
      const levels = v.levels.map((l: unknown) =>
        isObject(l) && isString(l.tier) && isInt(l.min_fen)
          ? { tier: l.tier, min_fen: l.min_fen }
          : null,
      );
      if (levels.some((l) => l === null)) return null;
      return { ...common, kind: 'stars', metric, months, levels: levels as StarLevel[] };
    }
    case 'rules': {
      if (!Array.isArray(v.tiers)) return null;
      const tiers = v.tiers.map(readRuleTier);
      if (tiers.some((t) => t === null)) return null;
      return { ...common, kind: 'rules', tiers: tiers as RuleTier[] };
    }
    default:
      return null;
  }
}

/** The tier names a definition can give, best first (stars: the highest level first). */
export function tierNames(definition: SchemeDefinition): string[] {
  switch (definition.kind) {
    case 'abc':
      return [...definition.tiers];
    case 'stars':
      return definition.levels.map((l) => l.tier).reverse();
    case 'rules':
      return definition.tiers.map((t) => t.tier);
  }
}

/** Whether two definitions are the same scheme (the server would make no new version). */
export function sameDefinition(a: SchemeDefinition, b: SchemeDefinition): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

// ------------------------------------------------------------------ the server's problems

const DEFINITION_PREFIX = /^definition\./;

/**
 * The form field a server problem path names: "tiers[1].any[0].value_fen" of a rules
 * scheme is the amount of the first condition of the second tier. Paths may start with
 * "definition." (PATCH, preview) or not (create). Null for paths the form does not show.
 */
export function formPathOf(kind: SchemeKind, serverPath: string): FieldPath | null {
  const path = serverPath.replace(DEFINITION_PREFIX, '');
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([a-z_]+)|\[(\d+)\]/g)) {
    parts.push(m[1] ?? Number(m[2]));
  }
  const [head, ...rest] = parts;
  switch (head) {
    case 'name':
    case 'kind':
    case 'metric':
    case 'window_months':
    case 'months':
      return [head];
    case 'key_account_tiers':
      return ['key_account_tiers'];
    case 'cuts_percent':
      return ['classes'];
    case 'levels': {
      const [i, field] = rest;
      if (typeof i !== 'number') return ['levels'];
      return ['levels', i, field === 'min_fen' ? 'min_yuan' : 'tier'];
    }
    case 'tiers': {
      const [i, field, k, conditionField] = rest;
      if (kind === 'abc') return typeof i === 'number' ? ['classes', i, 'tier'] : ['classes'];
      if (kind !== 'rules') return null;
      if (typeof i !== 'number') return ['rules'];
      if (field === 'tier') return ['rules', i, 'tier'];
      if (field === 'all' || field === 'any') {
        if (typeof k !== 'number') return ['rules', i, 'conditions'];
        if (conditionField === 'value_fen' || conditionField === 'value')
          return ['rules', i, 'conditions', k, 'amount'];
        if (
          conditionField === 'metric' ||
          conditionField === 'op' ||
          conditionField === 'window_months'
        )
          return ['rules', i, 'conditions', k, conditionField];
        return ['rules', i, 'conditions'];
      }
      return ['rules', i, 'tier'];
    }
    default:
      return null;
  }
}
