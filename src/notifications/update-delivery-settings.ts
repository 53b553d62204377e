/** An administrator changes the agency's SMS quiet hours (`notifications.delivery`, the one source); audited. */
import type { Ctx } from '../context.ts';
import { assertCan, parseInput } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { hasRole, isMember } from '../org/access.ts';
import { agencyScope } from '../org/org.queries.ts';
import { writeSetting } from '../settings/agency-settings.ts';
import { z } from 'zod';
import { DELIVERY_SETTINGS, deliverySettings, type DeliverySettings } from './delivery-settings.ts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const DeliverySettingsInput = z.object({
  smsQuietStart: z.string().trim().regex(HHMM, '请按“时:分”填写，例如 21:00'),
  smsQuietEnd: z.string().trim().regex(HHMM, '请按“时:分”填写，例如 08:00'),
});

/** Who may change them: an administrator of the agency. */
export const canManageDelivery = (ctx: Pick<Ctx, 'actor'>, scope: Parameters<typeof isMember>[1]) =>
  isMember(ctx.actor, scope) && hasRole(ctx.actor, 'admin');

export async function updateDeliverySettings(
  ctx: Ctx,
  agencyId: number,
  raw: z.input<typeof DeliverySettingsInput>,
): Promise<DeliverySettings> {
  const scope = await agencyScope(ctx.db, agencyId);
  assertCan(canManageDelivery(ctx, scope), { message: '只有系统管理员可以修改短信免打扰时段' });
  const input = parseInput(DeliverySettingsInput, raw);
  const before = await deliverySettings(ctx.db, agencyId);
  const next: DeliverySettings = { ...before, ...input };
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, agencyId, DELIVERY_SETTINGS, next, ctx.clock.now());
    await recordEvent(trx, ctx, {
      action: 'settings.update',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      before: { key: DELIVERY_SETTINGS.key, ...before },
      after: { key: DELIVERY_SETTINGS.key, ...next },
    });
  });
  return next;
}
