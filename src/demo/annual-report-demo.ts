/**
 * Demo records of the annual report (演示数据, not real records), run by `gongkai demo` after the township exists:
 *
 * - 2025 exactly as the township's own published report states it (a real report of 哈拉直沟乡, kept in
 *   src/demo/halazhigou-2025-report.txt), imported through the checker: no requests, all-zero tables. Its trainings, inspections and
 *   village counts stay in its text only — gongkai has no model for them.
 * - a synthetic 2026 created through the same use cases as the web: 主动公开 items across categories with their
 *   channels, 规范性文件, the art. 20 registers, requests with varied outcomes (a fee paid, a fee not paid, a
 *   withdrawal, two still open at the end of the year) and a 行政复议 case — so `report generate --year 2026` gives
 *   a report with substance.
 *
 * Each step runs on its own business date, with the demo users who would do it.
 */
import { readFileSync } from 'node:fs';
import type { Ctx } from '../context.ts';
import { fixedClock } from '../clock.ts';
import { actorOf } from '../auth/session.ts';
import { findUserByUsername } from '../org/org.queries.ts';
import type { User } from '../org/org.ts';
import { ensureCatalogue } from '../publications/seed-catalogue.ts';
import { findCategoryByCode, getPublication } from '../publications/publications.queries.ts';
import { createPublication } from '../publications/save-publication.ts';
import { reviewPublication } from '../publications/review-publication.ts';
import { publishPublication } from '../publications/publish-publication.ts';
import { recordChannel } from '../publications/record-channel.ts';
import { recordDecision, recordFee } from '../publications/art20-registers.ts';
import { registerRequest } from '../requests/register-request.ts';
import { submitDecision } from '../requests/submit-decision.ts';
import { approveDecision } from '../requests/approve-decision.ts';
import { issueFeeNotice } from '../requests/issue-fee-notice.ts';
import { recordFeePayment } from '../requests/record-fee-payment.ts';
import { closeUnpaidFee } from '../requests/close-unpaid-fee.ts';
import { withdrawRequest } from '../requests/withdraw-request.ts';
import { recordAppeal } from '../requests/record-appeal.ts';
import { getRequest } from '../requests/requests.queries.ts';
import { procedureDemo } from '../requests/demo-procedure.ts';
import { importReport } from '../annual-report/generator/import-report.ts';

const SEED_2025 = new URL('./halazhigou-2025-report.txt', import.meta.url);

/** The demo township's 2026 runs on these dates; a date after today is left out (the demo never invents a future). */
type Step = (on: (date: string, user: User) => Ctx) => Promise<void>;

const applicant = (name: string, idNumber: string, kind = 'natural_person') => ({
  applicantKind: kind,
  applicantName: name,
  idType: kind === 'natural_person' ? 'resident_id' : 'uscc',
  idNumber,
  phone: '13900000000',
  formRequested: 'paper',
  deliveryRequested: 'collect',
  channel: 'in_person',
});

export async function loadAnnualReportDemo(ctx: Ctx, townshipId: number): Promise<void> {
  const user = async (username: string) => {
    const u = await findUserByUsername(ctx.db, username);
    if (!u) throw new Error(`demo user ${username} missing`);
    return u;
  };
  const [clerk, head, deputy] = await Promise.all([user('clerk'), user('officehead'), user('deputy')]);
  const on = (date: string, u: User): Ctx => ({
    ...ctx,
    actor: actorOf(u),
    clock: fixedClock(`${date}T02:00:00Z`),
  });
  const today = ctx.clock.today();
  const steps: [string, Step][] = [];
  const at = (date: string, step: Step) => steps.push([date, step]);

  // 2025 as the township published it.
  await importReport(
    { ...ctx, clock: fixedClock('2026-01-20T02:00:00Z') },
    {
      agencyId: townshipId,
      fileName: '哈拉直沟乡人民政府2025年度政府信息公开工作报告.txt',
      bytes: readFileSync(SEED_2025),
    },
  );

  await ensureCatalogue(ctx, townshipId);
  const category = async (code: string) => (await findCategoryByCode(ctx.db, townshipId, code))!.id;

  /** Draft, three reviews, publish, and the channels beyond the portal. */
  const publish = (
    formed: string,
    published: string,
    item: {
      category: string;
      title: string;
      body: string;
      docNo?: string;
      docKind?: string;
      writtenOn?: string;
    },
    channels: string[] = [],
  ) =>
    at(published, async (as) => {
      const id = await createPublication(as(formed, clerk), {
        categoryId: String(await category(item.category)),
        title: item.title,
        issuer: '哈拉直沟乡人民政府',
        docNo: item.docNo ?? '',
        body: item.body,
        attribute: 'proactive',
        formedOn: formed,
        writtenOn: item.writtenOn ?? '',
        docKind: item.docKind ?? 'none',
      });
      const v = async () => (await getPublication(ctx.db, id)).version;
      await reviewPublication(as(formed, clerk), id, {
        step: 'first_review',
        action: 'approve',
        version: await v(),
      });
      await reviewPublication(as(published, head), id, {
        step: 'second_review',
        action: 'approve',
        secrecyConfirmed: '1',
        version: await v(),
      });
      await reviewPublication(as(published, deputy), id, {
        step: 'final_review',
        action: 'approve',
        version: await v(),
      });
      await publishPublication(as(published, clerk), id, await v());
      // Each channel as it went out: on the day of publication, a 公众号 article under its (demo) link.
      for (const channel of channels)
        await recordChannel(as(published, clerk), id, {
          channel,
          usedOn: published,
          link: channel === 'wechat_account' ? `https://mp.weixin.qq.com/s/demo-halazhigou-${id}` : '',
        });
    });

  publish(
    '2026-01-12',
    '2026-01-16',
    {
      category: 'art20_7',
      title: '哈拉直沟乡人民政府2026年部门预算公开（演示数据）',
      body: '根据预算法和相关规定，现将本乡2026年部门预算公开如下。一般公共预算收入安排……（演示数据）',
    },
    ['wechat_account', 'notice_board'],
  );
  publish(
    '2026-02-24',
    '2026-02-27',
    {
      category: 'art20_1',
      title: '哈拉直沟乡村级公益性岗位管理办法（演示数据）',
      docNo: '哈政〔2026〕3号',
      docKind: 'normative_documents',
      writtenOn: '2026-02-24',
      body: '第一条 为规范村级公益性岗位的设置和管理……（演示数据）',
    },
    ['wechat_account'],
  );
  publish(
    '2026-03-02',
    '2026-03-06',
    {
      category: 'art21_agri_policy',
      title: '2026年春耕生产补贴发放公示（演示数据）',
      body: '现将2026年春耕生产补贴发放情况公示如下，公示期7天。（演示数据）',
    },
    ['wechat_account', 'wechat_group', 'notice_board'],
  );
  publish(
    '2026-04-07',
    '2026-04-10',
    {
      category: 'art21_social_assistance',
      title: '2026年第一季度城乡最低生活保障资金发放情况（演示数据）',
      body: '2026年第一季度全乡发放城乡低保资金……（演示数据）',
    },
    ['notice_board', 'wechat_group'],
  );
  publish(
    '2026-05-11',
    '2026-05-15',
    {
      category: 'art20_12',
      title: '哈拉直沟乡2026年防汛抗旱应急预案（演示数据）',
      body: '为做好2026年防汛抗旱工作……（演示数据）',
    },
    ['wechat_account', 'wechat_group'],
  );
  publish(
    '2026-06-01',
    '2026-07-20',
    {
      category: 'art20_7',
      title: '哈拉直沟乡人民政府2025年部门决算公开（演示数据）',
      body: '现将本乡2025年部门决算公开如下……（演示数据）',
    },
    ['notice_board'],
  );
  publish(
    '2026-08-03',
    '2026-08-07',
    {
      category: 'art20_1',
      title: '哈拉直沟乡农村人居环境整治村规民约指导意见（演示数据）',
      docNo: '哈政〔2026〕11号',
      docKind: 'normative_documents',
      writtenOn: '2026-08-03',
      body: '为持续改善农村人居环境……（演示数据）',
    },
    ['wechat_account'],
  );
  publish(
    '2026-09-07',
    '2026-09-10',
    {
      category: 'art21_homestead',
      title: '2026年第三季度农村宅基地审批结果公示（演示数据）',
      body: '经审核，现将2026年第三季度农村宅基地审批结果公示如下……（演示数据）',
    },
    ['notice_board', 'wechat_group'],
  );
  publish(
    '2026-10-12',
    '2026-10-16',
    {
      category: 'art21_social_assistance',
      title: '2026年临时救助对象公示（演示数据）',
      body: '现将2026年临时救助对象情况公示如下（已隐去个人身份信息）。（演示数据）',
    },
    ['notice_board'],
  );

  at('2026-11-20', async (as) => {
    const c = as('2026-11-20', clerk);
    await recordDecision(c, townshipId, {
      year: '2026',
      kind: 'administrative_licensing',
      count: '12',
      title: '乡村建设规划许可（演示数据）',
    });
    await recordDecision(c, townshipId, {
      year: '2026',
      kind: 'administrative_penalty',
      count: '3',
      title: '违规焚烧秸秆（演示数据）',
    });
    await recordFee(c, townshipId, { year: '2026', item: '证照工本费（演示数据）', amountWanYuan: '0.0360' });
  });
  // The register's decisions and fees are published in their art. 20 columns (the report says so only from these).
  publish('2026-11-20', '2026-11-25', {
    category: 'art20_5',
    title: '2026年乡村建设规划许可办理结果公开（演示数据）',
    body: '本年度共办理乡村建设规划许可12件，办理结果公开如下（已隐去个人身份信息）。（演示数据）',
  });
  publish('2026-11-20', '2026-11-25', {
    category: 'art20_6',
    title: '2026年行政处罚决定公开（演示数据）',
    body: '本年度对违规焚烧秸秆行为作出行政处罚决定3个，现予公开（已隐去当事人身份信息）。（演示数据）',
  });
  publish('2026-11-20', '2026-11-25', {
    category: 'art20_8',
    title: '行政事业性收费项目及标准（演示数据）',
    body: '本乡收取的行政事业性收费项目为证照工本费，收费依据和标准如下。（演示数据）',
  });

  /** Register, decide, approve: one request answered with `outcome`. */
  const answered = (
    received: string,
    decided: string,
    who: ReturnType<typeof applicant>,
    description: string,
    decision: {
      outcome: string;
      basis: string;
      reason: string;
      withheld?: { part: string; ground: string; reason: string }[];
    },
    after?: (as: (date: string, u: User) => Ctx, id: number) => Promise<void>,
  ) =>
    at(decided, async (as) => {
      const r = await registerRequest(as(received, clerk), townshipId, {
        ...who,
        infoDescription: description,
        submittedOn: received,
      });
      await submitDecision(as(decided, clerk), r.id, {
        ...decision,
        withheld: decision.withheld ?? [],
        expectedVersion: (await getRequest(ctx.db, r.id)).version,
      });
      await approveDecision(as(decided, head), r.id, {
        expectedVersion: (await getRequest(ctx.db, r.id)).version,
      });
      if (after) await after(as, r.id);
    });

  answered(
    '2026-03-09',
    '2026-03-20',
    applicant('马成龙（演示）', '632126198203150012'),
    '2025年哈拉直沟村高标准农田建设项目验收报告',
    {
      outcome: 'disclosed',
      basis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
      reason: '予以公开，提供验收报告复印件一份',
    },
  );
  answered(
    '2026-04-13',
    '2026-04-15',
    applicant('祁玉梅（演示）', '632126197706080023'),
    '本村2025年宅基地审批结果',
    {
      outcome: 'already_public',
      basis: '《中华人民共和国政府信息公开条例》第三十六条第（一）项',
      reason: '该信息已于乡政务公开栏和“魅力哈拉直沟”公众号公示，告知获取方式',
    },
  );
  answered(
    '2026-05-11',
    '2026-05-29',
    applicant('互助县某建筑工程有限公司（演示）', '91632126MA752XX010', 'commercial_enterprise'),
    '2026年村道硬化工程招标文件及评标结果',
    {
      outcome: 'partially_disclosed',
      basis: '《中华人民共和国政府信息公开条例》第三十七条、第十五条',
      reason: '公开招标文件和中标结果，其他投标人的报价明细涉及商业秘密不予公开',
      withheld: [
        {
          part: '其他投标人的报价明细',
          ground: 'withheld_third_party',
          reason: '涉及第三方商业秘密，第三方不同意公开',
        },
      ],
    },
  );
  answered(
    '2026-06-08',
    '2026-06-19',
    applicant('魏永平（演示）', '632126196511020034'),
    '全乡低保户名单及家庭收入情况',
    {
      outcome: 'withheld_third_party',
      basis: '《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十五条',
      reason: '所申请信息涉及个人隐私，公开会对第三方合法权益造成损害',
    },
  );
  answered(
    '2026-07-06',
    '2026-07-10',
    applicant('费建华（演示）', '632126198807120017'),
    '1998年本村土地二轮承包原始登记表',
    {
      outcome: 'not_exist',
      basis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
      reason: '经检索本机关档案，未保存该信息',
    },
  );
  answered(
    '2026-08-03',
    '2026-08-07',
    applicant('孔德胜（演示）', '632126197301240017'),
    '要求乡政府解决与邻居的宅基地纠纷',
    {
      outcome: 'petition_complaint',
      basis: '《中华人民共和国政府信息公开条例》第三十九条第一款',
      reason: '申请内容属于信访事项，告知通过信访渠道提出',
    },
  );
  answered(
    '2026-08-17',
    '2026-08-28',
    applicant('哈拉直沟村股份经济合作社（演示）', 'N2632126MF0001234T', 'other_org'),
    '近十年全乡各村集体经济收入的统计分析',
    {
      outcome: 'needs_processing',
      basis: '《中华人民共和国政府信息公开条例》第三十八条',
      reason: '需要对现有信息进行加工、分析，本机关不予提供',
    },
  );
  // A fee billed by pages and paid, then the information provided.
  at('2026-09-25', async (as) => {
    const r = await registerRequest(as('2026-09-07', clerk), townshipId, {
      ...applicant('杨海林（演示）', '632126199001050018'),
      infoDescription: '2021年至2025年全乡项目资金拨付凭证',
      submittedOn: '2026-09-07',
    });
    const v = async () => (await getRequest(ctx.db, r.id)).version;
    await issueFeeNotice(as('2026-09-09', clerk), r.id, {
      method: 'by_volume',
      pages: 60,
      noticeOn: '2026-09-09',
      reason: '所需复制材料共60页',
    });
    const fee = (await getRequest(ctx.db, r.id)).feeAmount;
    await recordFeePayment(as('2026-09-15', clerk), r.id, {
      paidOn: '2026-09-15',
      amount: fee,
      receiptNo: '青财票（演示）0001',
    });
    await submitDecision(as('2026-09-25', clerk), r.id, {
      outcome: 'disclosed',
      basis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
      reason: '予以公开，提供复印件60页',
      withheld: [],
      expectedVersion: await v(),
    });
    await approveDecision(as('2026-09-25', head), r.id, { expectedVersion: await v() });
  });
  // A fee notice not paid in time: the request is no longer processed.
  at('2026-10-22', async (as) => {
    const r = await registerRequest(as('2026-09-14', clerk), townshipId, {
      ...applicant('时光明（演示）', '632126198511230014'),
      infoDescription: '2020年以来全乡所有会议纪要',
      submittedOn: '2026-09-14',
    });
    await issueFeeNotice(as('2026-09-16', clerk), r.id, {
      method: 'by_volume',
      pages: 120,
      noticeOn: '2026-09-16',
      reason: '所需复制材料共120页',
    });
    await closeUnpaidFee(as('2026-10-22', clerk), r.id);
  });
  // Withdrawn by the applicant.
  at('2026-06-25', async (as) => {
    const r = await registerRequest(as('2026-06-22', clerk), townshipId, {
      ...applicant('甘秀英（演示）', '632126195809090022'),
      infoDescription: '本村2025年护林员补助发放名单',
      submittedOn: '2026-06-22',
    });
    await withdrawRequest(as('2026-06-25', clerk), r.id, { reason: '申请人已从村委会获取，书面撤回申请' });
  });
  // Two requests still being handled at the end of the year (结转下年度).
  at('2026-11-16', async (as) => {
    await registerRequest(as('2026-11-09', clerk), townshipId, {
      ...applicant('拉日村村民李德福（演示）', '632126197912120014'),
      infoDescription: '2026年拉日村饮水安全工程竣工验收资料',
      submittedOn: '2026-11-09',
    });
    await registerRequest(as('2026-11-16', clerk), townshipId, {
      ...applicant('互助县某农业开发有限公司（演示）', '91632126MA7B3XX02A', 'commercial_enterprise'),
      infoDescription: '2026年土地流转项目的审批文件',
      submittedOn: '2026-11-16',
    });
  });
  // The applicant refused the 低保 list applies for 行政复议; the county government upholds the decision.
  at('2026-09-05', async (as) => {
    await recordAppeal(as('2026-09-05', clerk), townshipId, {
      kind: 'review',
      filedOn: '2026-07-10',
      body: '互助土族自治县人民政府',
      caseNo: '互政复〔2026〕8号（演示）',
      result: 'upheld',
      concludedOn: '2026-09-05',
      note: '演示数据',
    });
  });

  procedureDemo(at, ctx, townshipId, { clerk, head }, applicant);

  for (const [date, step] of steps.sort((a, b) => a[0].localeCompare(b[0]))) {
    if (date <= today) await step(on);
  }
}
