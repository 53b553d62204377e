/**
 * Demo requests that walk the procedure of issue 11, so that every letter type exists in the demo township:
 * 补正 (delivered online, answered with the narrowed request), consultation of a third party that objects and of a
 * co-producing agency, an extension, the 决定公开告知书 and its waiting period; 说明理由 and a later reply date; a 补正
 * never answered (视为放弃). Dated steps run through the same use cases as the web, in date order with the rest.
 */
import type { Ctx } from '../context.ts';
import type { User } from '../org/org.ts';
import { registerRequest } from './register-request.ts';
import { requestCorrection } from './request-correction.ts';
import { receiveCorrection } from './receive-correction.ts';
import { startConsultation } from './start-consultation.ts';
import { endConsultation } from './end-consultation.ts';
import { extendDeadline } from './extend-deadline.ts';
import { issueDisclosureNotice } from './issue-disclosure-notice.ts';
import { submitDecision } from './submit-decision.ts';
import { approveDecision } from './approve-decision.ts';
import { receiveReasons, requestReasons, setLaterReply } from './request-reasons.ts';
import { abandonNoCorrection } from './abandon-no-correction.ts';
import { getRequest } from './requests.queries.ts';

type As = (date: string, u: User) => Ctx;
type At = (date: string, step: (as: As) => Promise<void>) => void;

export function procedureDemo(
  at: At,
  ctx: Ctx,
  townshipId: number,
  users: { clerk: User; head: User },
  applicant: (name: string, idNumber: string, kind?: string) => Record<string, unknown>,
): void {
  const { clerk, head } = users;
  const v = async (id: number) => (await getRequest(ctx.db, id)).version;
  const consultation = async (id: number, kind: string) =>
    (await ctx.db
      .selectFrom('request_consultations')
      .select('id')
      .where('request_id', '=', id)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow())!.id;

  // Disclosed over the objection of the contractor, with the 决定公开告知书 and the waiting period.
  at('2026-05-20', async (as) => {
    const r = await registerRequest(as('2026-04-01', clerk), townshipId, {
      ...applicant('韩生财（演示）', '632126197405160011'),
      infoDescription: '我村道路硬化工程的情况。',
      submittedOn: '2026-04-01',
    });
    await requestCorrection(as('2026-04-03', clerk), r.id, {
      items: '1. 请说明所指的村组和道路名称；\n2. 请说明所需信息的年份和种类（如招标文件、验收报告）。',
      guidance: '可参考本乡政务公开栏公布的项目清单。',
      periodDays: 10,
      deliveryMethod: 'online',
    });
    await receiveCorrection(as('2026-04-08', clerk), r.id, {
      receivedOn: '2026-04-08',
      content: '2025年哈拉直沟村三社道路硬化工程的竣工验收报告。',
    });
    await startConsultation(as('2026-04-10', clerk), r.id, {
      kind: 'co_agency',
      party: '互助土族自治县交通运输局（演示）',
      matter: '该验收报告由本乡与贵局共同验收形成，是否同意公开',
      sentOn: '2026-04-10',
      deliveredOn: '2026-04-10',
    });
    await endConsultation(as('2026-04-15', clerk), r.id, {
      consultationId: await consultation(r.id, 'co_agency'),
      answeredOn: '2026-04-15',
      answer: 'agree',
    });
    await startConsultation(as('2026-04-16', clerk), r.id, {
      kind: 'third_party',
      party: '互助县某路桥工程有限公司（演示）',
      matter: '是否同意公开2025年哈拉直沟村三社道路硬化工程竣工验收报告（含质量检测结论）',
      sentOn: '2026-04-16',
      deliveredOn: '2026-04-16',
    });
    await endConsultation(as('2026-04-24', clerk), r.id, {
      consultationId: await consultation(r.id, 'third_party'),
      answeredOn: '2026-04-24',
      answer: 'object',
      note: '质量检测数据属于本公司商业秘密',
    });
    await extendDeadline(as('2026-04-28', head), r.id, { days: 10, reason: '需调取施工档案并核对检测报告' });
    await issueDisclosureNotice(as('2026-05-06', clerk), r.id, {
      consultationId: await consultation(r.id, 'third_party'),
      content: '2025年哈拉直沟村三社道路硬化工程竣工验收报告，含质量检测结论',
      reason: '该工程使用财政资金，质量检测结论关系村民出行安全，不公开可能对公共利益造成重大影响',
      deliveredOn: '2026-05-06',
    });
    await submitDecision(as('2026-05-18', clerk), r.id, {
      outcome: 'disclosed',
      basis: '第三十六条第（二）项、第十五条、第三十二条',
      reason: '提供竣工验收报告复印件一份，共12页',
      withheld: [],
      expectedVersion: await v(r.id),
    });
    await approveDecision(as('2026-05-20', head), r.id, { expectedVersion: await v(r.id) });
  });

  // A large, repeated request: reasons asked, found reasonable, a later reply date set and kept.
  at('2026-07-15', async (as) => {
    const r = await registerRequest(as('2026-05-11', clerk), townshipId, {
      ...applicant('朱永寿（演示）', '632126196802200019'),
      infoDescription: '2000年至2025年本乡全部村级财务公开材料',
      submittedOn: '2026-05-11',
    });
    await requestReasons(as('2026-05-12', clerk), r.id, {
      matter: '本月已提出申请19件，本件涉及26年、13个村的全部财务公开材料',
      deliveryMethod: 'online',
    });
    await receiveReasons(as('2026-05-15', clerk), r.id, {
      answeredOn: '2026-05-15',
      answer: '编写本乡村志需要，可分批提供',
    });
    await setLaterReply(as('2026-05-18', clerk), r.id, {
      laterOn: '2026-07-31',
      reason: '材料分散于13个村的档案，需逐村调阅、整理',
    });
    await submitDecision(as('2026-07-15', clerk), r.id, {
      outcome: 'disclosed',
      basis: '第三十六条第（二）项、第三十五条',
      reason: '提供各村财务公开材料复印件，共计286页，分三批领取',
      withheld: [],
      expectedVersion: await v(r.id),
    });
    await approveDecision(as('2026-07-15', head), r.id, { expectedVersion: await v(r.id) });
  });

  // A 补正 never answered: 视为放弃 after the period (counted from delivery) ended.
  at('2026-06-22', async (as) => {
    const r = await registerRequest(as('2026-06-01', clerk), townshipId, {
      ...applicant('马秀兰（演示）', '632126198104110023'),
      infoDescription: '那个补助的材料',
      submittedOn: '2026-06-01',
    });
    await requestCorrection(as('2026-06-03', clerk), r.id, {
      items: '请说明所指补助的名称、年份和发放对象范围。',
      periodDays: 10,
      deliveryMethod: 'online',
    });
    await abandonNoCorrection(as('2026-06-22', clerk), r.id);
  });
}
