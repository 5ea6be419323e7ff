// Money is an integer number of fen (分) in the API. The console shows and edits yuan
// (元) with two decimals, converting by string and BigInt arithmetic: never a float.

const YUAN_PATTERN = /^(\d+)(?:\.(\d{1,2}))?$/;

/** "1234.5" → 123450. Null for text that is not a non-negative amount with at most 2 decimals. */
export function yuanToFen(yuan: string): number | null {
  const m = YUAN_PATTERN.exec(yuan.trim().replace(/,/g, ''));
  if (!m) return null;
  const fen = BigInt(m[1] ?? '0') * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(fen);
}

/** 123450 → "1234.50" (no grouping: the form's text). */
export function fenToYuan(fen: number): string {
  const value = BigInt(fen);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** 123450 → "¥1,234.50" for display. */
export function formatFen(fen: number): string {
  const value = BigInt(fen);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const grouped = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}.${(abs % 100n).toString().padStart(2, '0')}`;
}
