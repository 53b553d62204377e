/** SMS quiet hours (免打扰时段), in Beijing time. Pure. */

const SHANGHAI_OFFSET_MIN = 8 * 60;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Whether `now` falls inside the quiet window (Asia/Shanghai); the window may run over midnight (21:00–08:00). */
export function inQuietHours(now: Date, quietStart: string, quietEnd: string): boolean {
  const local = (now.getUTCHours() * 60 + now.getUTCMinutes() + SHANGHAI_OFFSET_MIN) % 1440;
  const s = minutes(quietStart);
  const e = minutes(quietEnd);
  return s === e ? false : s < e ? local >= s && local < e : local >= s || local < e;
}

/** When an SMS may be sent: now, or the end of the quiet hours if now falls inside them. */
export function smsSendTime(now: Date, quietStart: string, quietEnd: string): Date {
  if (!inQuietHours(now, quietStart, quietEnd)) return now;
  const local = (now.getUTCHours() * 60 + now.getUTCMinutes() + SHANGHAI_OFFSET_MIN) % 1440;
  const wait = (minutes(quietEnd) - local + 1440) % 1440;
  const t = new Date(now.getTime() + wait * 60_000);
  t.setUTCSeconds(0, 0);
  return t;
}
