/**
 * The one formatter of instants for people: every time shown in the office, on the portal and in an export
 * (DOCX, XLSX, PDF, CSV) is Beijing time. Instants are stored as UTC ISO text; slicing that text shows UTC
 * (06:56 for 14:56), so views never slice or `toLocaleString` an instant themselves.
 *
 * Asia/Shanghai has had no daylight saving since 1991, but the zone name (not a fixed +8 offset) is used so
 * that the formatter does not depend on that fact or on the process's TZ.
 */
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

type Instant = string | Date;

function fields(v: Instant): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> | null {
  const d = typeof v === 'string' ? new Date(v) : v;
  if (Number.isNaN(d.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(d)) out[p.type] = p.value;
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** 'YYYY-MM-DD HH:mm' in Beijing time; '' for null/empty/unparseable. */
export function beijingDateTime(v: Instant | null | undefined): string {
  const f = v ? fields(v) : null;
  return f ? `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}` : '';
}

/** 'YYYY-MM-DD HH:mm:ss' in Beijing time (audit logs, exports); '' for null/empty/unparseable. */
export function beijingDateTimeSeconds(v: Instant | null | undefined): string {
  const f = v ? fields(v) : null;
  return f ? `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}:${f.second}` : '';
}

/** 'YYYY-MM-DD', the Beijing calendar date of an instant; '' for null/empty/unparseable. */
export function beijingDate(v: Instant | null | undefined): string {
  const f = v ? fields(v) : null;
  return f ? `${f.year}-${f.month}-${f.day}` : '';
}

/** 'HH:mm:ss' in Beijing time; '' for null/empty/unparseable. */
export function beijingClock(v: Instant | null | undefined): string {
  const f = v ? fields(v) : null;
  return f ? `${f.hour}:${f.minute}:${f.second}` : '';
}
