// An audit record's changes in a line of words for the audit log's table: an export says
// what left (format, rows, filter), a refusal what was refused, anything else its changed
// fields as the dossier's history shows them.
import type { TFunction } from 'i18next';
import type { AuditRecord } from '../../api/types';
import { displayValue, fieldLabel, isShownChange } from '../history/display';
import { DENIED_ACTION, EXPORT_ACTION } from './actions';

type Change = AuditRecord['changes'][number];

/** How many changes the summary spells out before "N more". */
export const SUMMARY_CHANGES = 2;

function after(changes: readonly Change[], field: string): string | null {
  return changes.find((c) => c.field === field)?.after ?? null;
}

function count(text: string | null, language: string): string {
  return text !== null && /^\d+$/.test(text)
    ? new Intl.NumberFormat(language).format(Number(text))
    : (text ?? '?');
}

/** "导出 CSV，1,234 位客户，筛选：stage=active" for a `customer.export` record. */
export function exportText(t: TFunction, changes: readonly Change[], language: string): string {
  const filter = after(changes, 'filter');
  return t('audit.export', {
    format: (after(changes, 'format') ?? '?').toUpperCase(),
    rows: count(after(changes, 'rows'), language),
    count: Number(after(changes, 'rows') ?? 0),
    filter: filter
      ? t('audit.exportFilter', { filter: filter.split('&').join(t('common.listSeparator')) })
      : t('audit.exportAll'),
  });
}

/** One change in words: "阶段：目标客户 → 现实客户", or only the new value when there was none. */
export function changeText(t: TFunction, change: Change): string {
  const label = fieldLabel(t, change.field);
  const now = displayValue(t, change.field, change.after);
  if (change.before === null) return `${label}${t('common.colon')}${now}`;
  return `${label}${t('common.colon')}${displayValue(t, change.field, change.before)} → ${now}`;
}

/** The record in one line (the first changes, then how many more), for the table. */
export function summaryText(t: TFunction, record: AuditRecord, language: string): string {
  if (record.action === EXPORT_ACTION) return exportText(t, record.changes, language);
  if (record.action === DENIED_ACTION) {
    const what = after(record.changes, 'permission');
    if (what) return t('audit.denied', { what });
  }
  if (record.action === 'access.out_of_scope') return t('audit.outOfScope');
  const shown = record.changes.filter(isShownChange);
  if (shown.length === 0) return t('audit.noChanges');
  const first = shown.slice(0, SUMMARY_CHANGES).map((c) => changeText(t, c));
  const more = shown.length - SUMMARY_CHANGES;
  return [...first, ...(more > 0 ? [t('audit.moreChanges', { count: more })] : [])].join(
    t('audit.separator'),
  );
}
