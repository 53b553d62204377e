/**
 * Demo records of 互动交流 (演示数据, not real messages), run by `gongkai demo` after the township exists: a year of
 * messages (December 2025 – November 2026) of every kind through the same use cases as the web — answered on time
 * and late, one extended, duplicates merged into one thread, one referred to 12345, one not accepted, one 信访
 * matter answered with where to go, one converted into a 依申请公开 request, ratings (and one 不满意 reopened and
 * then rated 满意), some still open (one near the 3-month mark), published Q&A and FAQ, the monthly figures as
 * published at each month's start, and two 意见征集 — one with its 采纳情况, one whose 采纳情况 is late.
 *
 * The table below is the demo's whole content; src/inquiries/demo-figures.db.test.ts counts it by hand.
 */
import type { Ctx } from '../context.ts';
import { fixedClock } from '../clock.ts';
import { actorOf } from '../auth/session.ts';
import { findUserByUsername, getAgency, listOffices, listVillages } from '../org/org.queries.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { addDays } from '../calendar/dates.ts';
import type { User } from '../org/org.ts';
import { submitInquiry } from './submit-inquiry.ts';
import { routeInquiry } from './route-inquiry.ts';
import { approveReply, extendInquiry, submitReply } from './reply-inquiry.ts';
import { mergeInquiry, referInquiry, rejectInquiry } from './close-inquiry.ts';
import { convertInquiry } from './convert-inquiry.ts';
import { rateInquiry, reopenInquiry } from './citizen-inquiry.ts';
import { publishInquiry, publicationDraft, saveFaq } from './publish-inquiry.ts';
import { saveRoutingRules } from './manage-settings.ts';
import { getInquiry } from './inquiries.queries.ts';
import {
  createCommentCall,
  listComments,
  moderateComment,
  publishAdoption,
  submitComment,
} from './comment-calls.ts';
import { publishMonthlyFigures } from './figures.queries.ts';
import { getInquirySettings } from './settings.ts';
import { submitDecision } from '../requests/index.ts';
import { approveDecision } from '../requests/index.ts';
import { getRequest } from '../requests/index.ts';
import type { Inquiry, InquiryKind, Rating, RejectReason } from './inquiry.ts';

const NY = '农业农村综合服务中心';
const XC = '乡村振兴办公室';
const SH = '社会事务办';
const ZF = '综合行政执法办公室';
const CZ = '财政所';
const DZ = '党政综合办公室';

/** Routing rules of the demo township (topic → office). */
const RULES: [string, string][] = [
  ['农业农村', NY],
  ['社会救助与低保', SH],
  ['医疗卫生与医保', SH],
  ['教育', SH],
  ['道路交通与基础设施', XC],
  ['乡村振兴与产业', XC],
  ['环境卫生', ZF],
  ['行政执法', ZF],
  ['惠民补贴', CZ],
  ['户籍与证照', DZ],
  ['其他', DZ],
];

export interface DemoMessage {
  on: string;
  kind: InquiryKind;
  topic: string;
  /** Index into the township's villages. */
  village?: number;
  body: string;
  allow?: boolean;
  /** Answered this many working days after receipt. */
  after?: number;
  reply?: string;
  petition?: boolean;
  rate?: Rating;
  reason?: string;
  /** Reopened the next day after a 不满意, answered again `after2` working days later and rated `rate2`. */
  reopen?: { reason: string; after2: number; reply: string; rate2: Rating };
  extend?: { at: number; days: number; reason: string };
  /** Index of the message this one is a duplicate of. */
  mergeInto?: number;
  convert?: boolean;
  refer?: string;
  reject?: RejectReason;
  /** Left open: 'routed' (in progress) | 'drafted' (waiting for approval) | 'new' (waiting for routing). */
  open?: 'routed' | 'drafted' | 'new';
  publish?: boolean;
  faq?: string;
}

export const DEMO_MESSAGES: DemoMessage[] = [
  /* 0 */ {
    on: '2025-12-03',
    kind: 'question',
    topic: '农业农村',
    village: 1,
    body: '请问冬季牛羊养殖补贴的申请条件是什么？需要准备哪些材料？',
    allow: true,
    after: 3,
    reply:
      '申请养殖补贴需为本乡登记的养殖户，存栏牛10头或羊50只以上，携带户口簿和养殖台账到农业农村综合服务中心申请。',
    rate: 'satisfied',
    publish: true,
    faq: '冬季牛羊养殖补贴怎么申请？',
  },
  /* 1 */ {
    on: '2025-12-10',
    kind: 'suggestion',
    topic: '道路交通与基础设施',
    village: 4,
    body: '建议在孔家梁村口增设减速带，过往车辆车速太快，孩子上学不安全。',
    allow: true,
    after: 8,
    reply: '感谢建议。已联系县交通运输局，计划于明年春季在孔家梁村口增设减速带和警示标志。',
    rate: 'basically_satisfied',
    publish: true,
  },
  /* 2 */ {
    on: '2025-12-18',
    kind: 'complaint',
    topic: '环境卫生',
    village: 6,
    body: '甘家村垃圾清运不及时，村口垃圾堆放一周无人处理。',
    after: 12,
    reply: '已督促保洁公司加密清运频次，每周清运两次。',
    rate: 'dissatisfied',
    reason: '答复后仍未按时清运',
  },
  /* 3 */ {
    on: '2026-01-06',
    kind: 'question',
    topic: '社会救助与低保',
    village: 2,
    body: '低保年审需要带哪些材料？在哪里办理？',
    allow: true,
    after: 4,
    reply: '低保年审请携带户口簿、身份证、家庭收入情况说明，到村委会或乡社会事务办办理。',
    rate: 'satisfied',
    publish: true,
    faq: '低保年审需要带哪些材料？',
  },
  /* 4 */ {
    on: '2026-01-13',
    kind: 'help',
    topic: '社会救助与低保',
    village: 8,
    body: '家中老人突发重病住院，费用很高，想申请临时救助。',
    after: 6,
    reply: '已安排工作人员入户核实，符合条件的将按程序给予临时救助。',
    rate: 'satisfied',
  },
  /* 5 */ {
    on: '2026-01-20',
    kind: 'question',
    topic: '户籍与证照',
    body: '办理居住证明需要什么手续？',
    allow: true,
    after: 7,
    reply: '请本人携带身份证到所在村委会开具证明，再到乡党政综合办公室盖章。',
    rate: 'basically_satisfied',
  },
  /* 6 */ {
    on: '2026-02-04',
    kind: 'question',
    topic: '惠民补贴',
    village: 3,
    body: '今年耕地地力保护补贴的发放标准是多少？',
    allow: true,
    after: 2,
    reply: '2026年耕地地力保护补贴标准以县农业农村局公布为准，预计每亩105元，通过惠民惠农一卡通发放。',
    rate: 'satisfied',
    publish: true,
  },
  /* 7 */ {
    on: '2026-02-24',
    kind: 'complaint',
    topic: '行政执法',
    village: 5,
    body: '新合村有人违规占用耕地建房，请查处。',
    after: 18,
    extend: { at: 10, days: 5, reason: '需会同县自然资源局现场核查' },
    reply: '经现场核查，已责令当事人停止建设并恢复耕地原状。',
  },
  /* 8 */ {
    on: '2026-02-26',
    kind: 'question',
    topic: '其他',
    body: '我想要一份2025年乡财政预算执行情况的文件，怎么获取？',
    convert: true,
  },
  /* 9 */ {
    on: '2026-03-03',
    kind: 'complaint',
    topic: '道路交通与基础设施',
    village: 1,
    body: '费家村路灯坏了一个月，晚上出行很不方便。',
    allow: true,
    after: 10,
    reply: '已安排维修，费家村路灯已全部恢复照明。',
    rate: 'satisfied',
    publish: true,
  },
  /* 10 */ {
    on: '2026-03-04',
    kind: 'complaint',
    topic: '道路交通与基础设施',
    village: 1,
    body: '费家村的路灯不亮，老人晚上不敢出门。',
    mergeInto: 9,
  },
  /* 11 */ {
    on: '2026-03-05',
    kind: 'complaint',
    topic: '道路交通与基础设施',
    village: 1,
    body: '反映费家村路灯损坏问题，希望尽快修好。',
    mergeInto: 9,
  },
  /* 12 */ {
    on: '2026-03-10',
    kind: 'question',
    topic: '医疗卫生与医保',
    body: '城乡居民医保缴费截止到什么时候？',
    after: 6,
    reply: '2026年度城乡居民医保集中缴费期已结束，可到乡社会事务办咨询补缴。',
    rate: 'dissatisfied',
    reason: '答复太晚，已经错过缴费',
  },
  /* 13 */ {
    on: '2026-03-17',
    kind: 'suggestion',
    topic: '乡村振兴与产业',
    village: 9,
    body: '建议依托拉日村的自然风光发展乡村旅游，带动村民增收。',
    allow: true,
    after: 9,
    reply: '感谢建议，乡里将把拉日村乡村旅游纳入明年乡村振兴项目库研究论证。',
    rate: 'basically_satisfied',
  },
  /* 14 */ {
    on: '2026-03-24',
    kind: 'question',
    topic: '其他',
    body: '县医院挂号太难，能不能增加号源？',
    refer: '互助县12345政务服务便民热线',
  },
  /* 15 */ {
    on: '2026-04-08',
    kind: 'question',
    topic: '农业农村',
    village: 7,
    body: '春播良种补贴怎么申请？',
    allow: true,
    after: 3,
    reply: '请关注村委会通知。',
    rate: 'dissatisfied',
    reason: '没有说明申请方式',
    reopen: {
      reason: '请说明具体申请方式和截止时间',
      after2: 2,
      reply: '春播良种补贴由村委会统一造册申报，请于4月30日前携带身份证到村委会登记。',
      rate2: 'satisfied',
    },
    publish: true,
    faq: '春播良种补贴怎么申请？',
  },
  /* 16 */ {
    on: '2026-04-15',
    kind: 'help',
    topic: '社会救助与低保',
    village: 10,
    body: '家里有重度残疾人，想申请残疾人两项补贴。',
    after: 10,
    reply: '已受理，经审核符合条件，自5月起按月发放。',
    rate: 'satisfied',
  },
  /* 17 */ {
    on: '2026-04-22',
    kind: 'complaint',
    topic: '其他',
    body: '低价供应化肥农药，量大从优，欢迎订购。',
    reject: 'advertising',
  },
  /* 18 */ {
    on: '2026-05-06',
    kind: 'suggestion',
    topic: '教育',
    village: 11,
    body: '建议增加上吉哇村到乡中心学校的校车班次。',
    allow: true,
    after: 10,
    reply: '已与县教育局协调，秋季学期起早晚各增加一个班次。',
    rate: 'satisfied',
    publish: true,
  },
  /* 19 */ {
    on: '2026-05-13',
    kind: 'question',
    topic: '惠民补贴',
    body: '一卡通里的补贴怎么查询明细？',
    after: 5,
    reply: '可持一卡通到信用社柜台打印明细，或登录省惠民惠农财政补贴资金“一卡通”查询。',
    rate: 'basically_satisfied',
  },
  /* 20 */ {
    on: '2026-05-20',
    kind: 'complaint',
    topic: '环境卫生',
    village: 12,
    body: '西庄村有养殖户污水直排河道。',
    after: 14,
    reply: '已责令养殖户限期建设污水收集池，并将持续跟踪。',
  },
  /* 21 */ {
    on: '2026-06-03',
    kind: 'question',
    topic: '农业农村',
    village: 2,
    body: '农机购置补贴今年还有吗？',
    allow: true,
    after: 4,
    reply: '2026年农机购置补贴继续实施，购机后到农业农村综合服务中心提交申请。',
    rate: 'satisfied',
    publish: true,
    faq: '农机购置补贴怎么申请？',
  },
  /* 22 */ {
    on: '2026-06-10',
    kind: 'complaint',
    topic: '行政执法',
    body: '征地补偿一直不到位，我要上访。',
    after: 5,
    petition: true,
    rate: 'dissatisfied',
    reason: '希望乡里直接解决',
  },
  /* 23 */ {
    on: '2026-06-17',
    kind: 'help',
    topic: '医疗卫生与医保',
    village: 3,
    body: '家人患大病，医保报销流程不清楚，请帮助。',
    after: 16,
    reply: '已安排专人协助办理大病保险报销，并告知所需材料。',
    rate: 'basically_satisfied',
  },
  /* 24 */ {
    on: '2026-06-24',
    kind: 'suggestion',
    topic: '其他',
    body: '建议每季度在公开栏公布村级财务明细。',
    allow: true,
    after: 7,
    reply: '村级财务已按季度在村务公开栏公布，乡里将加强督促检查。',
  },
  /* 25 */ {
    on: '2026-07-08',
    kind: 'question',
    topic: '教育',
    body: '义务教育一年级入学报名是什么时间？',
    allow: true,
    after: 3,
    reply: '2026年秋季一年级报名时间为7月20日至7月31日，请到乡中心学校报名。',
    rate: 'satisfied',
  },
  /* 26 */ {
    on: '2026-07-15',
    kind: 'complaint',
    topic: '道路交通与基础设施',
    village: 6,
    body: '甘家村通村道路塌陷，车辆无法通行。',
    after: 12,
    reply: '已完成应急修复，并申报明年道路维修项目。',
    rate: 'satisfied',
  },
  /* 27 */ {
    on: '2026-08-05',
    kind: 'question',
    topic: '户籍与证照',
    body: '身份证快到期了，在哪里换领？',
    allow: true,
    after: 2,
    reply: '请到互助县公安局户政大厅或乡派出所办理换领。',
    rate: 'satisfied',
  },
  /* 28 */ {
    on: '2026-08-19',
    kind: 'suggestion',
    topic: '环境卫生',
    village: 8,
    body: '建议在杨家村增设垃圾分类投放点。',
    after: 11,
    reply: '已在杨家村增设两处垃圾分类投放点。',
    rate: 'basically_satisfied',
  },
  /* 29 */ {
    on: '2026-09-02',
    kind: 'question',
    topic: '惠民补贴',
    village: 4,
    body: '城乡居民养老保险缴费有没有补贴？',
    after: 8,
    reply: '按档次缴费可享受政府缴费补贴，具体标准见县人社局公布。',
  },
  /* 30 */ {
    on: '2026-09-08',
    kind: 'complaint',
    topic: '乡村振兴与产业',
    village: 9,
    body: '拉日村产业项目分红不公开，村民有意见。',
    open: 'routed',
  },
  /* 31 */ {
    on: '2026-10-14',
    kind: 'question',
    topic: '农业农村',
    body: '冬小麦种植有没有技术指导？',
    after: 4,
    reply: '农业农村综合服务中心将于11月举办冬小麦种植技术培训，请关注村委会通知。',
    rate: 'satisfied',
  },
  /* 32 */ {
    on: '2026-10-21',
    kind: 'help',
    topic: '社会救助与低保',
    village: 5,
    body: '孤寡老人无人照顾，想申请特困供养。',
    open: 'drafted',
    reply: '已入户核实，正在按程序审批特困供养。',
  },
  /* 33 */ {
    on: '2026-11-04',
    kind: 'question',
    topic: '其他',
    body: '乡政府冬季办公时间是怎样的？',
    allow: true,
    after: 1,
    reply: '冬季作息时间为上午9:00—12:00，下午14:00—17:30。',
    rate: 'satisfied',
    publish: true,
  },
  /* 34 */ {
    on: '2026-11-18',
    kind: 'suggestion',
    topic: '道路交通与基础设施',
    village: 12,
    body: '建议在西庄村修建一座便民桥。',
    open: 'routed',
  },
  /* 35 */ {
    on: '2026-11-25',
    kind: 'complaint',
    topic: '环境卫生',
    body: '乡集镇街道夜间噪音扰民。',
    open: 'new',
  },
];

const NAMES = ['马先生', '李女士', '祁先生', '张女士', '王先生', '赵女士', '韩先生', '刘女士'];

type Step = () => Promise<void>;

export async function loadInquiriesDemo(ctx: Ctx, townshipId: number): Promise<void> {
  const today = ctx.clock.today();
  const agency = await getAgency(ctx.db, townshipId);
  const user = async (username: string): Promise<User> => {
    const u = await findUserByUsername(ctx.db, username);
    if (!u) throw new Error(`demo user ${username} missing`);
    return u;
  };
  const [clerk, drafter, head, deputy] = await Promise.all([
    user('clerk'),
    user('drafter'),
    user('officehead'),
    user('deputy'),
  ]);
  const as = (date: string, u: User): Ctx => ({
    ...ctx,
    actor: actorOf(u),
    clock: fixedClock(`${date}T03:00:00Z`),
  });
  const offices = new Map((await listOffices(ctx.db, townshipId)).map((o) => [o.name, o.id]));
  const villages = await listVillages(ctx.db, townshipId);
  const cal = await getCalendar(ctx.db, townshipId);
  const settings = await getInquirySettings(ctx.db, townshipId);
  await saveRoutingRules(as('2025-12-01', clerk), townshipId, {
    rules: RULES.map(([topic, office]) => ({ topic, villageId: null, officeId: offices.get(office)! })),
  });

  const steps: [string, Step][] = [];
  const at = (date: string, step: Step) => steps.push([date, step]);
  const byIndex: Inquiry[] = [];
  const officeOf = (topic: string) => offices.get(RULES.find(([t]) => t === topic)![1])!;
  // Who drafts and who approves: the farm office's drafter drafts its own answers, the clerks the others'; the
  // disclosure office's head approves its office's, the deputy leader those of offices without a head.
  const drafterFor = (topic: string) => (officeOf(topic) === offices.get(NY) ? drafter : clerk);
  const approverFor = (topic: string) => (officeOf(topic) === offices.get(DZ) ? head : deputy);

  DEMO_MESSAGES.forEach((m, i) => {
    const received = m.on;
    at(received, async () => {
      const citizen: Ctx = {
        ...ctx,
        actor: { kind: 'public' },
        clock: fixedClock(`${received}T01:00:00Z`),
        meta: { ip: `192.0.2.${i + 1}` },
      };
      // Every third message came in a WeChat conversation and was entered by the clerk.
      const wechat = i % 3 === 0;
      byIndex[i] = await submitInquiry(
        wechat ? { ...as(received, clerk), clock: fixedClock(`${received}T01:00:00Z`) } : citizen,
        agency,
        {
          kind: m.kind,
          topic: m.topic,
          villageId: m.village != null ? String(villages[m.village]!.id) : '',
          officeId: '',
          body: m.body,
          contactName: NAMES[i % NAMES.length],
          contactPhone: `1380972${String(1000 + i)}`,
          allowPublish: m.allow ? '1' : '',
        },
        { channel: wechat ? 'wechat' : 'portal' },
      );
    });
    const q = () => byIndex[i]!;
    const track = () => ({ reference: q().reference, code: q().trackingCode });
    const citizenOn = (date: string): Ctx => ({
      ...ctx,
      actor: { kind: 'public' },
      clock: fixedClock(`${date}T08:00:00Z`),
      meta: { ip: `198.51.100.${i + 1}` },
    });
    if (m.open === 'new') return;
    if (m.mergeInto != null) {
      at(received, async () => {
        await mergeInquiry(as(received, clerk), q().id, { intoReference: byIndex[m.mergeInto!]!.reference });
      });
      return;
    }
    const next = cal.addWorkdays(received, 1);
    if (m.convert) {
      let requestId = 0;
      at(next, async () => {
        requestId = (
          await convertInquiry(as(next, clerk), q().id, {
            applicantKind: 'natural_person',
            applicantName: '马建华',
            idType: 'resident_id',
            idNumber: '11010519491231002X',
            phone: `1380972${String(1000 + i)}`,
            infoDescription: '2025年哈拉直沟乡财政预算执行情况的文件',
            formRequested: 'electronic',
            deliveryRequested: 'online',
          })
        ).id;
      });
      // The request then runs its own course: disclosed within the statutory period.
      const decided = cal.addWorkdays(next, 10);
      at(decided, async () => {
        const v = async () => (await getRequest(ctx.db, requestId)).version;
        await submitDecision(as(decided, clerk), requestId, {
          outcome: 'disclosed',
          basis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
          reason: '予以公开，提供2025年财政预算执行情况报告电子文本',
          withheld: [],
          expectedVersion: await v(),
        });
        await approveDecision(as(decided, head), requestId, { expectedVersion: await v() });
      });
      return;
    }
    if (m.refer) {
      at(next, async () => {
        await referInquiry(as(next, clerk), q().id, {
          to: m.refer,
          note: '县医院号源由县卫生健康局统筹，已转12345热线办理，请留意其回复。',
        });
      });
      return;
    }
    if (m.reject) {
      at(next, async () => {
        await rejectInquiry(as(next, clerk), q().id, {
          reason: m.reject,
          note: '该留言为广告推销信息，不予受理。',
        });
      });
      return;
    }
    at(received, async () => {
      await routeInquiry(as(received, clerk), q().id, { officeId: String(officeOf(m.topic)) });
    });
    if (m.open === 'routed') return;
    if (m.extend) {
      const d = cal.addWorkdays(received, m.extend.at);
      at(d, async () => {
        await extendInquiry(as(d, clerk), q().id, { days: String(m.extend!.days), reason: m.extend!.reason });
      });
    }
    const answerOn =
      m.open === 'drafted' ? cal.addWorkdays(received, 3) : cal.addWorkdays(received, m.after!);
    const reply = m.petition ? settings.petitionGuide : m.reply!;
    at(answerOn, async () => {
      await submitReply(as(answerOn, drafterFor(m.topic)), q().id, {
        reply,
        outcome: m.petition ? 'petition' : 'answer',
      });
      if (m.open === 'drafted') return;
      await approveReply(as(answerOn, approverFor(m.topic)), q().id);
      if (m.rate)
        await rateInquiry(citizenOn(answerOn), { ...track(), rating: m.rate, reason: m.reason ?? '' });
    });
    let doneOn = answerOn;
    if (m.reopen) {
      const r = m.reopen;
      const reopenOn = addDays(answerOn, 1);
      const again = cal.addWorkdays(reopenOn, r.after2);
      doneOn = again;
      at(reopenOn, async () => {
        await reopenInquiry(citizenOn(reopenOn), { ...track(), reopenReason: r.reason });
      });
      at(again, async () => {
        await submitReply(as(again, drafterFor(m.topic)), q().id, { reply: r.reply });
        await approveReply(as(again, approverFor(m.topic)), q().id);
        await rateInquiry(citizenOn(again), { ...track(), rating: r.rate2 });
      });
    }
    if (m.publish || m.faq) {
      const pubOn = cal.addWorkdays(doneOn, 1);
      at(pubOn, async () => {
        const cur = await getInquiry(ctx.db, q().id);
        const d = publicationDraft(cur, cur.reply);
        if (m.publish) await publishInquiry(as(pubOn, clerk), cur.id, d);
        if (m.faq)
          await saveFaq(
            as(pubOn, clerk),
            townshipId,
            null,
            { question: m.faq, answer: d.reply, isPublished: '1', officeId: String(cur.officeId ?? '') },
            cur.id,
          );
      });
    }
  });

  // 意见征集 with its 采纳情况, and one whose 采纳情况 is late.
  let call1 = 0;
  let call2 = 0;
  at('2026-05-06', async () => {
    call1 = (
      await createCommentCall(as('2026-05-06', clerk), townshipId, {
        title: '哈拉直沟乡2026年农村人居环境整治实施方案（征求意见稿）',
        draftText:
          '一、目标任务：到2026年底，全乡13个村生活垃圾收运处置体系全覆盖，农村卫生厕所普及率达到85%以上。\n二、主要措施：（一）完善垃圾收运设施；（二）推进厕所革命；（三）治理生活污水；（四）开展村庄清洁行动。\n三、保障措施：落实村级保洁员队伍，建立考核奖惩机制。',
        officeId: String(offices.get(ZF)),
        closesOn: '2026-05-20',
      })
    ).id;
  });
  const comment = (date: string, n: number, body: string) =>
    at(date, async () => {
      await submitComment(
        {
          ...ctx,
          actor: { kind: 'public' },
          clock: fixedClock(`${date}T04:00:00Z`),
          meta: { ip: `203.0.113.${n}` },
        },
        agency,
        n < 10 ? call1 : call2,
        { body, contactName: NAMES[n % NAMES.length] },
      );
    });
  comment('2026-05-08', 1, '建议每个村配备垃圾分类指导员，先在哈拉直沟村试点。');
  comment('2026-05-12', 2, '卫生厕所改造补助标准偏低，建议提高到每户1500元。有事可打我电话13809721234。');
  comment('2026-05-15', 3, '建议把村庄清洁行动和评比挂钩，每季度评选“清洁村”。');
  at('2026-05-21', async () => {
    const held = (await listComments(ctx.db, call1)).filter((c) => c.status === 'held');
    for (const c of held) await moderateComment(as('2026-05-21', clerk), c.id, true);
  });
  at('2026-06-03', async () => {
    const cs = await listComments(ctx.db, call1, true);
    const verdicts: [string, string][] = [
      ['adopted', ''],
      ['partly', '补助标准由县财政统一确定，本方案增加“困难户优先”条款'],
      ['adopted', ''],
    ];
    await publishAdoption(as('2026-06-03', clerk), call1, {
      summary:
        '征求意见期间共收到意见3条，采纳2条，部分采纳1条。已在实施方案中增加垃圾分类指导员试点和“清洁村”季度评比；卫生厕所改造补助标准由县里统一确定，方案增加困难户优先安排的条款。',
      items: cs.map((c, i) => ({
        id: c.id,
        adoption: verdicts[i]?.[0] ?? 'adopted',
        note: verdicts[i]?.[1] ?? '',
      })),
    });
  });
  at('2026-10-23', async () => {
    call2 = (
      await createCommentCall(as('2026-10-23', clerk), townshipId, {
        title: '哈拉直沟乡村级公益性岗位管理办法（征求意见稿）',
        draftText:
          '第一条 为规范村级公益性岗位管理，制定本办法。\n第二条 公益性岗位优先安置脱贫劳动力和低收入人口。\n第三条 岗位人员实行月考核，考核结果与补贴挂钩。',
        officeId: String(offices.get(XC)),
        closesOn: '2026-11-06',
      })
    ).id;
  });
  comment('2026-10-27', 11, '建议明确考核标准，由村民代表参与考核。');
  comment('2026-11-02', 12, '希望岗位补贴按时发放，不要拖欠。');

  // The figures the portal publishes at each month's start (as they stood that day).
  for (const month of [
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
    '2026-08',
    '2026-09',
    '2026-10',
    '2026-11',
    '2026-12',
  ])
    at(`${month}-01`, async () => {
      await publishMonthlyFigures({ ...ctx, clock: fixedClock(`${month}-01T01:00:00Z`) });
    });

  const ordered = steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s[0] === b.s[0] ? a.i - b.i : a.s[0] < b.s[0] ? -1 : 1));
  for (const { s } of ordered) if (s[0] <= today) await s[1]();
}
