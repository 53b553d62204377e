/** Per-agency delivery settings of the notifications: the SMS quiet hours (Beijing time). */
import { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import { defineSetting, readSetting } from '../settings/agency-settings.ts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const DeliverySettingsSchema = z.object({
  /** No text messages between start and end (Asia/Shanghai); held ones go out when the window ends. */
  smsQuietStart: z.string().regex(HHMM).default('21:00'),
  smsQuietEnd: z.string().regex(HHMM).default('08:00'),
});
export type DeliverySettings = z.infer<typeof DeliverySettingsSchema>;

export const DELIVERY_SETTINGS = defineSetting(
  'notifications.delivery',
  DeliverySettingsSchema,
  DeliverySettingsSchema.parse({}),
);

export async function deliverySettings(db: DbOrTrx, agencyId: number): Promise<DeliverySettings> {
  return readSetting(db, agencyId, DELIVERY_SETTINGS);
}
