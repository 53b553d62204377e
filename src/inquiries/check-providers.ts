/**
 * The supervision module's daily checks over 互动交流 (每日巡查, src/supervision/check-provider.ts): messages not
 * answered by their (possibly extended) working-day deadline — past the 3-month mark they fail a government website
 * outright (国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》: 对公众留言长期未回复) — and 意见征集 whose 采纳情况
 * was not published by its date. One problem per message or call, so 销号 and 回头看 re-run the check and find it
 * answered. The supervision module reads them through src/inquiries/index.ts.
 */
import type { CheckHit, CheckProvider } from '../supervision/index.ts';
import { toNumber } from '../db/values.ts';
import { headsOf, officeLink } from './inquiries.queries.ts';
import { OPEN_STATES } from './inquiry.ts';
import { threeMonthMark } from './deadline.ts';

export const overdueInquiries: CheckProvider = {
  kind: 'inquiry_overdue',
  label: '互动交流留言逾期未答复',
  async run(ctx, agency) {
    const today = ctx.clock.today();
    const rows = await ctx.db
      .selectFrom('inquiries')
      .select(['id', 'reference', 'office_id', 'due_on', 'received_on'])
      .where('agency_id', '=', agency.id)
      .where('status', 'in', [...OPEN_STATES])
      .where('due_on', '<', today)
      .orderBy('id')
      .execute();
    const hits: CheckHit[] = [];
    for (const r of rows) {
      const officeId = r.office_id == null ? null : toNumber(r.office_id);
      const [head] = await headsOf(ctx.db, agency.id, officeId);
      const mark = threeMonthMark(r.received_on);
      const severe =
        mark < today
          ? `已超过3个月（${mark}）仍未答复，按国办秘函〔2019〕19号属“对公众留言长期未回复”的单项否决情形。`
          : `如至${mark}仍未答复，将构成“对公众留言长期未回复”（国办秘函〔2019〕19号单项否决）。`;
      hits.push({
        key: `inquiry_overdue:${r.id}`,
        kind: 'problem',
        title: `留言逾期未答复：${r.reference}`,
        description: `该留言于${r.received_on}收到，应于${r.due_on}前答复，至今未答复。${severe}`,
        unitKind: officeId != null ? 'office' : 'agency',
        unitId: officeId,
        responsibleUserId: head?.id ?? null,
        link: officeLink(toNumber(r.id)),
        rectifyDays: 3,
      });
    }
    return hits;
  },
};

export const lateAdoptions: CheckProvider = {
  kind: 'comment_adoption_late',
  label: '意见征集采纳情况逾期未公开',
  async run(ctx, agency) {
    const rows = await ctx.db
      .selectFrom('comment_calls')
      .select(['id', 'title', 'adoption_due_on'])
      .where('agency_id', '=', agency.id)
      .where('adoption_published_on', 'is', null)
      .where('adoption_due_on', '<', ctx.clock.today())
      .orderBy('id')
      .execute();
    return rows.map((r): CheckHit => ({
      key: `comment_adoption_late:${r.id}`,
      kind: 'problem',
      title: `意见征集采纳情况逾期未公开：${r.title}`,
      description: `应于${r.adoption_due_on}前公开意见采纳情况，至今未公开（国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》：征集调查应及时公开意见收集和采纳情况）。`,
      unitKind: 'agency',
      unitId: null,
      responsibleUserId: null,
      link: `/office/comment-calls/${r.id}`,
      rectifyDays: 5,
    }));
  },
};

export const INQUIRY_CHECK_PROVIDERS: readonly CheckProvider[] = [overdueInquiries, lateAdoptions];
