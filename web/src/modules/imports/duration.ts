import type { TFunction } from 'i18next';
import { formatClock } from '../../ui/format';

/** How long an import took: "< 0.1 s", "0.4 s" / "0.4 秒" under a minute, then "3:05". */
export function formatDuration(t: TFunction, seconds: number): string {
  if (seconds < 0.05) return t('imports.underATenth');
  return seconds < 60 ? t('imports.seconds', { n: seconds.toFixed(1) }) : formatClock(seconds);
}
