/**
 * A message that really asks for government information becomes a 依申请公开 request with one click. The clerk
 * confirms the request with the citizen (条例第二十九条 needs the applicant's identity; 第三十一条第（三）项:
 * an online request is received on the day both sides confirm it), so the request's receipt date is the day of
 * this conversion. The request is written by the requests feature's own intake (createRequestRecord + the receipt
 * letter), in the same transaction that closes the message, links it and tells the citizen.
 */
import type { Ctx } from '../context.ts';
import { assertCan, parseInput } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { enqueue } from '../jobs/queue.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { getAgency } from '../org/org.queries.ts';
import { OnlineRequestInput } from '../requests/index.ts';
import { getRequestSettings } from '../requests/index.ts';
import { createRequestRecord } from '../requests/index.ts';
import { getRequest } from '../requests/index.ts';
import { issueLetter } from '../requests/index.ts';
import { InvalidStateError } from '../errors.ts';
import { inquiryPolicy } from './inquiry.policy.ts';
import { addEvent, getInquiry, inquiryScope, updateInquiry } from './inquiries.queries.ts';
import { firstAnswer } from './reply-inquiry.ts';
import { CITIZEN_JOB } from './notify-citizen.ts';
import { actorName } from './inquiry-step.ts';
import type { InfoRequest } from '../requests/index.ts';

export async function convertInquiry(ctx: Ctx, id: number, raw: unknown): Promise<InfoRequest> {
  const q = await getInquiry(ctx.db, id);
  const scope = await inquiryScope(ctx.db, q);
  assertCan(inquiryPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(inquiryPolicy.manage(ctx.actor, scope), { message: '只有政府信息公开工作机构人员可以转为申请' });
  if (!['pending_routing', 'in_progress'].includes(q.status))
    throw new InvalidStateError('只有尚未答复的留言可以转为政府信息公开申请');
  const input = parseInput(OnlineRequestInput, raw);
  const agency = await getAgency(ctx.db, q.agencyId);
  const settings = await getRequestSettings(ctx.db, q.agencyId);
  const cal = await getCalendar(ctx.db, q.agencyId);
  const today = ctx.clock.today();
  return ctx.db.transaction().execute(async (trx) => {
    const requestId = await createRequestRecord(trx, ctx, agency, settings, cal, {
      input,
      channel: 'online',
      submittedOn: q.receivedOn,
      receivedOn: today,
      receiptEvidence: `由互动留言${q.reference}转为申请，${actorName(ctx)}与申请人确认（双方确认之日为收到申请之日）`,
      status: 'accepted',
    });
    const r = await getRequest(trx, requestId);
    await issueLetter(trx, ctx, r, agency, settings, {
      kind: 'receipt',
      vars: { 收到方式: '网上申请，由互动留言转来' },
    });
    await updateInquiry(
      trx,
      q,
      {
        status: 'converted',
        converted_request_id: requestId,
        reply: `您的留言属于申请获取政府信息，已按政府信息公开申请登记（登记编号${r.reference}），收到申请之日为${today}，本机关将在法定期限内答复。`,
        approved_by_name: actorName(ctx),
        replied_on: today,
        ...firstAnswer(q, today),
      },
      ctx.clock.now(),
    );
    await addEvent(trx, ctx, q.id, 'converted', {
      forCitizen: true,
      note: `已转为政府信息公开申请，登记编号${r.reference}，收到申请之日${today}；申请查询码与本留言查询码不同，请见回执`,
    });
    if (q.contactPhone || q.contactEmail)
      await enqueue(trx, CITIZEN_JOB, {
        inquiryId: q.id,
        text: `您的留言${q.reference}已转为政府信息公开申请，登记编号${r.reference}，查询码${r.trackingCode}，收到申请之日为${today}。`,
      });
    await recordEvent(trx, ctx, {
      action: 'request.registered',
      objectType: 'info_request',
      objectId: requestId,
      agencyId: q.agencyId,
      after: { reference: r.reference, channel: 'online', receivedOn: today, fromInquiry: q.reference },
    });
    await recordEvent(trx, ctx, {
      action: 'inquiry.converted',
      objectType: 'inquiry',
      objectId: q.id,
      agencyId: q.agencyId,
      after: { requestId, reference: r.reference, receivedOn: today },
    });
    return r;
  });
}
