import dayjs from 'dayjs';

/** An RFC 3339 timestamp in the browser's time zone, e.g. "2026-03-01 16:00". */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}

/** A calendar day (YYYY-MM-DD) with its weekday in the language given, e.g. "2026-03-02 星期一". */
export function formatDayWithWeekday(day: string, language: string): string {
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
  return `${day} ${weekday}`;
}

/** The calendar day of an RFC 3339 timestamp in the browser's time zone, e.g. "2026-03-01". */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '';
}
