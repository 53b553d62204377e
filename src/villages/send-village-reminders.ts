/**
 * The daily village sweep: reminders to each village's liaison before a periodic item is due; overdue items marked
 * for the village's 包村干部 and the 党政办 (and the liaison); 四议两公开 决议公开 items past their date likewise; then
 * villagers' objections past their answer date escalate to the township (objections.ts). Idempotent per day.
 */
import type { Ctx } from '../context.ts';
import { addDays } from '../calendar/dates.ts';
import { villageSlots } from './village-slots.ts';
import { notifyPersons, whoActs } from './notify.ts';
import { periodLabel } from './village-disclosure.ts';
import { getVillageSettings } from './village-settings.ts';
import { escalateLapsedObjections } from './objections.ts';

export const VILLAGE_SWEEP_JOB = 'villages.daily_sweep';

export async function sendVillageReminders(ctx: Ctx): Promise<{ reminders: number; escalated: number }> {
  const today = ctx.clock.today();
  let reminders = 0;
  const towns = await ctx.db.selectFrom('agencies').select('id').where('kind', '=', 'township').execute();
  for (const t of towns) {
    const settings = await getVillageSettings(ctx.db, t.id);
    const soon = addDays(today, settings.remindDaysBefore);
    for (const { village: v, slots } of await villageSlots(ctx.db, t.id, today, settings.dueDay)) {
      const dueSoon = slots.filter(
        (s) => (s.state === 'upcoming' || s.state === 'in_progress') && s.dueOn <= soon,
      );
      const overdue = slots.filter((s) => s.state === 'overdue');
      const liaisons = await whoActs(ctx.db, t.id, v.id, 'draft');
      const township = await whoActs(ctx.db, t.id, v.id, 'overdue');
      await ctx.db.transaction().execute(async (trx) => {
        for (const s of dueSoon)
          reminders += await notifyPersons(trx, ctx, liaisons, {
            kind: 'village.due',
            title: `${v.name}${periodLabel(s.period)}“${s.name}”须于${s.dueOn}前公开`,
            body: '村民委员会组织法第三十条：一般事项至少每季度公布一次，集体财务往来较多的，财务收支情况应当每月公布一次。',
            link: '/office/villages/my',
          });
        for (const s of overdue)
          reminders += await notifyPersons(trx, ctx, [...liaisons, ...township], {
            kind: 'village.overdue',
            title: `${v.name}${periodLabel(s.period)}“${s.name}”已逾期未公开（应于${s.dueOn}前）`,
            body: '请督促村信息联络员尽快填报；逾期情况计入乡镇村级公开总览。',
            link: `/office/villages?village=${v.id}`,
          });
      });
    }
    const lateDecisions = await ctx.db
      .selectFrom('village_disclosures')
      .select(['id', 'village_id', 'title', 'due_on'])
      .where('agency_id', '=', t.id)
      .where('decision_stage', '=', 'resolution')
      .where('status', '!=', 'published')
      .where('due_on', '<', today)
      .execute();
    for (const d of lateDecisions) {
      const to = [
        ...(await whoActs(ctx.db, t.id, d.village_id, 'draft')),
        ...(await whoActs(ctx.db, t.id, d.village_id, 'overdue')),
      ];
      await ctx.db.transaction().execute(async (trx) => {
        reminders += await notifyPersons(trx, ctx, to, {
          kind: 'village.overdue',
          title: `决议公开已逾期：${d.title}（应于${d.due_on}前）`,
          body: '四议两公开：村民（代表）会议决议后应及时公开决议（涉及村民利益的重大事项应当随时公布）。',
          link: `/office/villages/items/${d.id}`,
        });
      });
    }
  }
  const escalated = await escalateLapsedObjections(ctx);
  return { reminders, escalated };
}
