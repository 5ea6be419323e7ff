import type { TFunction } from 'i18next';
import type { VisitPlan } from '../../api/types';
import { formatDayWithWeekday } from '../../ui/format';

/** "2026-11-24 星期二 09:30", or "… 时间待定" for some time that day (China time, as planned). */
export function whenText(
  t: TFunction,
  plan: Pick<VisitPlan, 'planned_on' | 'start_time'>,
  language: string,
): string {
  return `${formatDayWithWeekday(plan.planned_on, language)} ${plan.start_time ?? t('visitPlan.anyTime')}`;
}
