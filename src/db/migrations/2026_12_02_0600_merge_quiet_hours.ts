import type { Kysely } from 'kysely';

/**
 * One source of truth for the SMS quiet hours (issue 10): they lived in the 依申请公开 settings (`requests`,
 * smsQuietStart/End, which had the admin form) and in `notifications.delivery` (read by the handover SMS, no form).
 * From now on only `notifications.delivery` holds them. An agency that changed the requests' pair from the default
 * gets it copied over (it is what the admin saw and edited on a page), else a stored `notifications.delivery` stays;
 * the pair is then removed from the requests' value.
 */
const DEFAULT = { smsQuietStart: '21:00', smsQuietEnd: '08:00' };
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function parse(json: string | undefined): Record<string, unknown> {
  try {
    const v: unknown = json ? JSON.parse(json) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const rows: { agency_id: number; value_json: string }[] = await db
    .selectFrom('agency_settings')
    .select(['agency_id', 'value_json'])
    .where('key', '=', 'requests')
    .execute();
  const now = new Date().toISOString();
  for (const r of rows) {
    const value = parse(r.value_json);
    if (!('smsQuietStart' in value) && !('smsQuietEnd' in value)) continue;
    const start =
      typeof value.smsQuietStart === 'string' && HHMM.test(value.smsQuietStart) ? value.smsQuietStart : null;
    const end =
      typeof value.smsQuietEnd === 'string' && HHMM.test(value.smsQuietEnd) ? value.smsQuietEnd : null;
    const changed =
      (start ?? DEFAULT.smsQuietStart) !== DEFAULT.smsQuietStart ||
      (end ?? DEFAULT.smsQuietEnd) !== DEFAULT.smsQuietEnd;
    if (changed) {
      const delivery = await db
        .selectFrom('agency_settings')
        .select('value_json')
        .where('agency_id', '=', r.agency_id)
        .where('key', '=', 'notifications.delivery')
        .executeTakeFirst();
      const kept = parse(delivery?.value_json);
      const value_json = JSON.stringify({
        ...kept,
        smsQuietStart: start ?? DEFAULT.smsQuietStart,
        smsQuietEnd: end ?? DEFAULT.smsQuietEnd,
      });
      if (delivery)
        await db
          .updateTable('agency_settings')
          .set({ value_json, updated_at: now })
          .where('agency_id', '=', r.agency_id)
          .where('key', '=', 'notifications.delivery')
          .execute();
      else
        await db
          .insertInto('agency_settings')
          .values({ agency_id: r.agency_id, key: 'notifications.delivery', value_json, updated_at: now })
          .execute();
    }
    const { smsQuietStart: _s, smsQuietEnd: _e, ...rest } = value;
    await db
      .updateTable('agency_settings')
      .set({ value_json: JSON.stringify(rest) })
      .where('agency_id', '=', r.agency_id)
      .where('key', '=', 'requests')
      .execute();
  }
}

export async function down(): Promise<void> {
  // Data-only: the merged pair stays in notifications.delivery, which every reader uses.
}
