import dayjs from 'dayjs';

/** An RFC 3339 timestamp in the browser's time zone, e.g. "2026-03-01 16:00". */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}

/** The calendar day of an RFC 3339 timestamp in the browser's time zone, e.g. "2026-03-01". */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '';
}
