/** Reads of the procedure steps of issue 11 (third-party consultations, 说明理由) mapped to the pure rules' shapes. */
import type { DbOrTrx } from '../db/database.ts';
import type { ThirdPartyConsultation } from './third-party-rules.ts';
import type { ReasonRequestState } from './reasons-rules.ts';

export async function consultationsOf(db: DbOrTrx, requestId: number): Promise<ThirdPartyConsultation[]> {
  const rows = await db
    .selectFrom('request_consultations')
    .select(['id', 'kind', 'party', 'answer', 'decision_notice_on', 'decision_notice_delivered_on'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind === 'co_agency' ? 'co_agency' : 'third_party',
    party: c.party,
    answer: (c.answer as ThirdPartyConsultation['answer']) ?? null,
    decisionNoticeOn: c.decision_notice_on,
    decisionNoticeDeliveredOn: c.decision_notice_delivered_on,
  }));
}

export async function reasonRequestsOf(db: DbOrTrx, requestId: number): Promise<ReasonRequestState[]> {
  const rows = await db
    .selectFrom('request_reason_requests')
    .select(['notice_on', 'delivered_on', 'period_end_on', 'answered_on'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    noticeOn: r.notice_on,
    deliveredOn: r.delivered_on,
    periodEnd: r.period_end_on,
    answeredOn: r.answered_on,
  }));
}
