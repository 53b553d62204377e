/** One-tap masking: every maskable scan hit in every field is replaced by its masked form (ID numbers, phones …). */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan } from '../errors.ts';
import { villagePolicy } from './village.policy.ts';
import { loadDisclosure } from './disclosure-context.ts';
import { maskValues } from './item-template.ts';

export async function maskDisclosure(ctx: Ctx, id: number): Promise<number> {
  const { item, template, scope, facts } = await loadDisclosure(ctx, id);
  assertCan(villagePolicy.edit(ctx.actor, scope, facts), { message: '只有草稿或退回的事项可以脱敏' });
  const { raw, masked } = maskValues(template.fields, item.raw);
  if (masked === 0) return 0;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('village_disclosures')
      .set({
        values_json: JSON.stringify(raw),
        updated_at: ctx.clock.now().toISOString(),
        version: item.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'village_disclosure.masked',
      objectType: 'village_disclosure',
      objectId: id,
      agencyId: item.agencyId,
      after: { masked },
    });
  });
  return masked;
}
