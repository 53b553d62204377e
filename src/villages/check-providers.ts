/**
 * The supervision module's daily checks over 村级公开 (每日巡查, src/supervision/check-provider.ts): periodic items
 * past their cadence (村民委员会组织法第三十条: finance monthly where 往来较多, general matters at least quarterly) and
 * 四议两公开 决议公开 items past their date become problems in the township's ledger, one per slot, so that 销号 and
 * 回头看 re-run the check and find the slot published. The supervision module reads them through src/villages/index.ts.
 */
import type { CheckHit, CheckProvider } from '../supervision/index.ts';
import { getVillageSettings } from './village-settings.ts';
import { villageSlots } from './village-slots.ts';
import { periodLabel } from './village-disclosure.ts';
import { whoActs } from './notify.ts';

const ART30 =
  '《村民委员会组织法》第三十条：一般事项至少每季度公布一次；集体财务往来较多的，财务收支情况应当每月公布一次；涉及村民利益的重大事项应当随时公布。';

export const overdueVillageItems: CheckProvider = {
  kind: 'village_overdue',
  label: '村级公开事项逾期未公开',
  appliesTo: (agency) => agency.kind === 'township',
  async run(ctx, agency) {
    const today = ctx.clock.today();
    const settings = await getVillageSettings(ctx.db, agency.id);
    const hits: CheckHit[] = [];
    for (const { village, slots } of await villageSlots(ctx.db, agency.id, today, settings.dueDay)) {
      const overdue = slots.filter((s) => s.state === 'overdue');
      if (!overdue.length) continue;
      const [liaison] = await whoActs(ctx.db, agency.id, village.id, 'draft');
      for (const s of overdue)
        hits.push({
          key: `village_overdue:${village.id}:${s.code}:${s.period}`,
          kind: 'problem',
          title: `${village.name}${periodLabel(s.period)}“${s.name}”逾期未公开`,
          description: `应于${s.dueOn}前公开，至今未公开。${ART30}`,
          unitKind: 'village',
          unitId: village.id,
          responsibleUserId: liaison?.id ?? null,
          link:
            s.itemId != null
              ? `/office/villages/items/${s.itemId}`
              : `/office/villages?village=${village.id}`,
          rectifyDays: 5,
        });
    }
    return hits;
  },
};

export const lateVillageDecisions: CheckProvider = {
  kind: 'village_decision_late',
  label: '四议两公开决议逾期未公开',
  appliesTo: (agency) => agency.kind === 'township',
  async run(ctx, agency) {
    const rows = await ctx.db
      .selectFrom('village_disclosures')
      .innerJoin('villages', 'villages.id', 'village_disclosures.village_id')
      .select([
        'village_disclosures.id',
        'village_disclosures.village_id',
        'village_disclosures.title',
        'village_disclosures.due_on',
        'villages.name as village_name',
      ])
      .where('village_disclosures.agency_id', '=', agency.id)
      .where('village_disclosures.decision_stage', '=', 'resolution')
      .where('village_disclosures.status', '!=', 'published')
      .where('village_disclosures.due_on', '<', ctx.clock.today())
      .orderBy('village_disclosures.id')
      .execute();
    const hits: CheckHit[] = [];
    for (const r of rows) {
      const [liaison] = await whoActs(ctx.db, agency.id, r.village_id, 'draft');
      hits.push({
        key: `village_decision_late:${r.id}`,
        kind: 'problem',
        title: `${r.village_name}决议公开逾期：${r.title}`,
        description: `村民（代表）会议决议应于${r.due_on}前公开，至今未公开（四议两公开：决议公开、实施结果公开）。${ART30}`,
        unitKind: 'village',
        unitId: r.village_id,
        responsibleUserId: liaison?.id ?? null,
        link: `/office/villages/items/${r.id}`,
        rectifyDays: 3,
      });
    }
    return hits;
  },
};

export const VILLAGE_CHECK_PROVIDERS: readonly CheckProvider[] = [overdueVillageItems, lateVillageDecisions];
