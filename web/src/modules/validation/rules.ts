// The server's field rules (server/src/core/common/validation.cc, customers/credit_code.cc,
// org/user.cc, engagement/interaction.cc), mirrored so forms can tell the user before sending. The server stays the
// judge: it checks again and its answer wins.

/** Trims ASCII white space and the ideographic space (U+3000) at both ends, as the server does. */
export function trimSpace(s: string): string {
  return s.replace(/^[ \t\r\n\u3000]+|[ \t\r\n\u3000]+$/g, '');
}

/** Length in Unicode code points: the unit of the server's `too_long` limits. */
export function charLength(s: string): number {
  return [...s].length;
}

const utf8 = new TextEncoder();

export function isValidEmail(s: string): boolean {
  const bytes = utf8.encode(s).length;
  if (bytes < 3 || bytes > 254) return false;
  const at = s.indexOf('@');
  if (at <= 0 || s.indexOf('@', at + 1) !== -1) return false;
  const domain = s.slice(at + 1);
  const dot = domain.indexOf('.');
  if (domain === '' || dot <= 0 || domain.endsWith('.')) return false;
  // eslint-disable-next-line no-control-regex
  return !/[ \t<>,;\u0000-\u001f]/.test(s);
}

/** Phone numbers as Chinese companies write them: 5 to 20 digits, `+` first, spaces, `-`, `(`, `)`. */
export function isValidPhone(s: string): boolean {
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== undefined && c >= '0' && c <= '9') digits++;
    else if (c === '+' && i === 0) continue;
    else if (c !== '-' && c !== ' ' && c !== '(' && c !== ')') return false;
  }
  return digits >= 5 && digits <= 20 && s.length <= 32;
}

const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17. */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(code.charAt(i));
    if (value < 0) return false;
    sum += value * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  return code.charAt(17) === CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** A calendar date `YYYY-MM-DD` that exists, year 1000 or later. */
export function isCivilDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 8 to 128 characters with at least one ASCII letter and at least one other character. */
export function isAcceptablePassword(p: string): boolean {
  const n = charLength(p);
  if (n < 8 || n > 128) return false;
  return /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p);
}

/** 3 to 64 of `a-z 0-9 . _ -`, starting with a letter or digit. */
export function isValidUsername(u: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{2,63}$/.test(u);
}

/** A letter, digit or CJK character: what a purpose needs at least one of. */
function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return /[A-Za-z0-9]/.test(String.fromCodePoint(cp));
  return (
    (cp >= 0x3400 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2ffff) ||
    (cp >= 0xc0 && cp <= 0x24f) || // Latin letters with accents
    (cp >= 0xff10 && cp <= 0xff19) || // full-width digits
    (cp >= 0xff21 && cp <= 0xff5a) // full-width letters
  );
}

const PURPOSE_PLACEHOLDERS: ReadonlySet<string> = new Set([
  '无',
  '没有',
  '暂无',
  '无目的',
  '其他',
  '其它',
  '测试',
  '略',
  'n/a',
  'na',
  'none',
  'nil',
  'null',
  'test',
  'tbd',
  'todo',
  'other',
  'xxx',
  'x',
  'no',
  'nothing',
  '-',
  '?',
]);

/**
 * A contact record's purpose says why the contact happened: text without a letter, digit or
 * CJK character ("-", "……") and placeholders ("无", "N/A.", "test") are not purposes.
 */
export function isRealPurpose(purpose: string): boolean {
  const trimmed = trimSpace(purpose);
  if (![...trimmed].some((ch) => isWordCodePoint(ch.codePointAt(0) ?? 0))) return false;
  // ASCII letters only are folded, and trailing punctuation is dropped in the server's order.
  let lower = trimmed.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[.!]+$/, '');
  for (const suffix of ['。', '！', '…']) {
    while (lower.endsWith(suffix)) lower = lower.slice(0, -suffix.length);
  }
  return !PURPOSE_PLACEHOLDERS.has(lower);
}
