import type { Ctx } from '../../src/context.ts';
import { ensureChecklist, listChecklist } from '../../src/supervision/checklist.queries.ts';
import { loadInspection, planInspection } from '../../src/supervision/inspections.ts';

/** An inspection of one village planned in its township on the first checklist item: the ids a test checks with. */
export async function planVillageInspection(
  ctx: Ctx,
  agencyId: number,
  villageId: number,
): Promise<{ inspectionId: number; targetId: number; itemId: number }> {
  await ensureChecklist(ctx.db, agencyId, ctx.clock.now().toISOString());
  const [item] = await listChecklist(ctx.db, agencyId, true);
  const [inspectionId] = await planInspection(ctx, agencyId, {
    year: Number(ctx.clock.today().slice(0, 4)),
    quarter: 2,
    title: '',
    targets: [`village:${villageId}`],
    itemIds: [item!.id],
  });
  const { targets } = await loadInspection(ctx.db, inspectionId!);
  return { inspectionId: inspectionId!, targetId: targets[0]!.id, itemId: item!.id };
}
