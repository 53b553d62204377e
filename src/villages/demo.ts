/**
 * Demo 村级公开 (演示数据, not real records) for the demo township's 13 villages: a year of 党务、村务、财务 items at the
 * counts the township's own report gives (党务80余次、村务120余次、财务130余次 a year), seven villages with monthly
 * finance and six quarterly, about one in twelve published late and a few never, 四议两公开 records with their two
 * disclosures, objections (answered, escalated to the township, resolved) and board photos with their EXIF time.
 * Only dates up to today are used; the demo never invents a future. Rows are written directly (with their review
 * steps) — the use cases are exercised by the tests and the browser journeys.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import type { Ctx } from '../context.ts';
import { config } from '../config.ts';
import { addDays } from '../calendar/dates.ts';
import { createUser } from '../org/manage-users.ts';
import { listVillages } from '../org/org.queries.ts';
import { ensureItemTemplates } from './seed-item-templates.ts';
import { listCurrentTemplates, type ItemTemplate } from './villages.queries.ts';
import { dueOn, noticeEnd, periodLabel, periodsOfYear } from './village-disclosure.ts';
import { fileStep, fileStoreOf } from '../storage/index.ts';
import type { RawValues } from './item-template.ts';

const SURNAMES = '李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗祁韩'.split('');
const GIVEN = '文明海霞建国永福秀兰玉梅志强德才桂英春花生财德胜'.split('');

function rng(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return (s >>> 8) % n;
  };
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

const EXPENSES = [
  '村干部误工补贴',
  '办公用品',
  '村道维修材料',
  '电费',
  '环境卫生保洁',
  '党员活动经费',
  '饮水管道维修',
  '防汛物资',
  '慰问困难群众',
  '会议误餐',
];
const INCOMES = ['上级转移支付', '集体土地租金', '村集体经济分红', '一事一议奖补资金', '光伏电站收益'];

function financeValues(
  r: (n: number) => number,
  period: string,
  opening: number,
): { raw: RawValues; closing: number } {
  const lines: Record<string, string>[] = [];
  let income = 0;
  let expense = 0;
  const n = 4 + r(6);
  const [y, rest] = period.split('-');
  const month = rest!.startsWith('Q') ? (Number(rest!.slice(1)) - 1) * 3 + 1 + r(3) : Number(rest);
  for (let i = 0; i < n; i++) {
    const isIncome = i < 2 || r(5) === 0;
    const amount = isIncome ? (2000 + r(60000)) * 100 : (100 + r(8000)) * 100 + r(100);
    if (isIncome) income += amount;
    else expense += amount;
    lines.push({
      date: `${y}-${String(month).padStart(2, '0')}-${String(1 + r(27)).padStart(2, '0')}`,
      voucher: `记${String(i + 1).padStart(3, '0')}`,
      summary: isIncome ? INCOMES[r(INCOMES.length)]! : EXPENSES[r(EXPENSES.length)]!,
      income: isIncome ? yuan(amount) : '',
      expense: isIncome ? '' : yuan(amount),
    });
  }
  const closing = opening + income - expense;
  return {
    raw: {
      opening: yuan(opening),
      lines,
      totalIncome: yuan(income),
      totalExpense: yuan(expense),
      closing: yuan(closing),
      note: '',
    },
    closing,
  };
}

const person = (r: (n: number) => number) =>
  SURNAMES[r(SURNAMES.length)]! + GIVEN[r(GIVEN.length)]! + (r(2) ? GIVEN[r(GIVEN.length)]! : '');

function otherValues(t: ItemTemplate, r: (n: number) => number, period: string | null): RawValues {
  switch (t.code) {
    case 'party_dues': {
      const members = 18 + r(30);
      const collected = members * (300 + r(200));
      return {
        members: String(members),
        collected: yuan(collected * 10),
        remitted: yuan(collected * 10),
        note: '',
      };
    }
    case 'party_life':
      return {
        meetings: [0, 1, 2].map((k) => ({
          date: `${period!.slice(0, 4)}-${String((Number(period!.slice(6)) - 1) * 3 + 1 + k).padStart(2, '0')}-${String(5 + r(20)).padStart(2, '0')}`,
          form: ['支部党员大会', '支委会', '党小组会', '主题党日'][r(4)]!,
          topic: [
            '学习党的二十届三中全会精神',
            '乡村振兴与人居环境整治',
            '发展党员工作',
            '安全生产与森林防火',
            '民主评议党员',
          ][r(5)]!,
          present: String(15 + r(25)),
        })),
      };
    case 'affairs_general':
      return {
        summary: `本季度完成村内道路清扫${2 + r(5)}次，召开村民代表会议${1 + r(2)}次，调解矛盾纠纷${r(4)}起，办理民生事项${5 + r(10)}件。`,
        plans: '继续抓好人居环境整治和产业发展。',
      };
    case 'welfare_recipients':
      return {
        batch: `${periodLabel(period) || '本季度'}新增`,
        persons: Array.from({ length: 2 + r(4) }, () => ({
          name: person(r),
          group: `${1 + r(6)}社`,
          size: String(1 + r(4)),
          category: ['城乡低保', '特困供养', '残疾人两项补贴'][r(3)]!,
          amount: yuan((300 + r(400)) * 100),
        })),
        contact: '乡社会事务办 0972-8xxxxxx',
      };
    case 'farm_subsidy': {
      const persons = Array.from({ length: 4 + r(6) }, () => ({
        name: person(r),
        area: String(2 + r(12)),
        amount: '',
      }));
      let total = 0;
      for (const p of persons) {
        const a = Number(p.area) * 9500;
        total += a;
        p.amount = yuan(a);
      }
      return { item: '耕地地力保护补贴', standard: '每亩95元', persons, total: yuan(total) };
    }
    case 'project':
      return {
        name: ['村道硬化工程', '饮水安全巩固提升', '村级综合服务中心维修', '高标准农田建设'][r(4)]!,
        stage: ['事前（立项）', '事中（实施）', '事后（验收）'][r(3)]!,
        budget: String(10 + r(90)),
        source: '财政衔接资金',
        contractor: '互助县某建筑工程有限公司',
        start: '',
        end: '',
        detail: '按村民代表会议决议实施，接受村务监督委员会全程监督。',
      };
    case 'homestead':
      return {
        persons: [{ name: person(r), group: `${1 + r(6)}社`, area: String(120 + r(80)), reason: '分户新建' }],
        opinion: '经村民小组会议讨论、村委会审查，符合一户一宅条件，同意上报。',
      };
    case 'debts':
      return {
        items: [
          {
            type: '债务',
            party: '互助县某建材公司',
            amount: yuan((5000 + r(20000)) * 100),
            reason: '村道工程尾款',
          },
          {
            type: '债权',
            party: '村集体果园承包户',
            amount: yuan((2000 + r(5000)) * 100),
            reason: '应收承包费',
          },
        ],
      };
    case 'asset_contract':
      return {
        contracts: [
          { asset: '集体机动地30亩', party: person(r), term: '5年', price: yuan((6000 + r(4000)) * 100) },
        ],
        method: '公开竞价',
      };
    case 'yishiyiyi':
      return {
        matter: '巷道硬化',
        standard: '每户100元、投工2个',
        amount: yuan(100 * (60 + r(80)) * 100),
        labour: String(120 + r(100)),
        use: '',
      };
    case 'assembly_decision':
      return {
        meeting: `村民代表会议（${period ?? ''}）`,
        decision: ['村集体光伏收益分配方案', '村道硬化工程实施方案', '村规民约修订'][r(3)]!,
        vote: `应到${30 + r(10)}人，实到${28 + r(2)}人，同意${26 + r(2)}人`,
        progress: '',
        amount: String(5 + r(40)),
      };
    default:
      return {};
  }
}

/** Load a year of village disclosures for the demo township. */
export async function loadVillageDemo(ctx: Ctx, townshipId: number): Promise<void> {
  await ensureItemTemplates(ctx, townshipId);
  const villages = await listVillages(ctx.db, townshipId);
  const templates = new Map((await listCurrentTemplates(ctx.db, townshipId)).map((t) => [t.code, t]));
  const today = ctx.clock.today();
  const year = Number(today.slice(0, 4));
  const monthly = new Set(villages.slice(0, 7).map((v) => v.id));
  const now = ctx.clock.now().toISOString();
  const clerk = await ctx.db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .where('u.agency_id', '=', townshipId)
    .where('r.role', '=', 'clerk')
    .executeTakeFirst();
  const files = fileStoreOf(config());
  let photoCount = 0;
  for (const [vi, v] of villages.entries()) {
    const r = rng(1000 + vi * 7919);
    // Each village's people: its liaison and 监委会 member (the demo's own accounts stay as load-demo created them).
    const existing = await ctx.db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select(['u.id', 'u.display_name'])
      .where('u.village_id', '=', v.id)
      .where('r.role', '=', 'liaison')
      .execute();
    let liaison = existing[0];
    if (!liaison) {
      const name = person(r);
      const u = await createUser(ctx, townshipId, {
        username: `liaison${String(vi + 1).padStart(2, '0')}`,
        displayName: name,
        roles: ['liaison'],
        officeId: null,
        villageId: v.id,
        phone: '',
        email: '',
      });
      liaison = { id: u.user.id, display_name: name };
      await createUser(ctx, townshipId, {
        username: `supervisor${String(vi + 1).padStart(2, '0')}`,
        displayName: person(r),
        roles: ['village_supervisor'],
        officeId: null,
        villageId: v.id,
        phone: '',
        email: '',
      });
    }
    const supervisorName = person(r);
    const reviewer = clerk?.display_name ?? '乡党政办';
    // Monthly finance villages switch from the quarterly template.
    if (monthly.has(v.id)) {
      const m = templates.get('finance_monthly')!;
      await ctx.db
        .deleteFrom('village_template_uses')
        .where('village_id', '=', v.id)
        .where('code', '=', 'finance_quarterly')
        .execute();
      await ctx.db
        .insertInto('village_template_uses')
        .values({
          village_id: v.id,
          code: m.code,
          template_id: m.id,
          pushed_at: now,
          pushed_by_name: reviewer,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const plan: { t: ItemTemplate; period: string | null; due: string | null; on: string }[] = [];
    const periodic = [
      'party_dues',
      'party_life',
      'affairs_general',
      monthly.has(v.id) ? 'finance_monthly' : 'finance_quarterly',
    ];
    for (const code of periodic) {
      const t = templates.get(code)!;
      for (const p of periodsOfYear(t.cadence as 'monthly' | 'quarterly', year)) {
        const due = dueOn(p);
        if (due > today) continue;
        const roll = r(100);
        if (roll < 3 && due > `${year}-06-01`) continue; // never disclosed: overdue on the township's list
        const on = roll < 11 ? addDays(due, 3 + r(20)) : addDays(due, -(1 + r(8)));
        if (on > today) continue;
        plan.push({ t, period: p, due, on });
      }
    }
    const occasional: [string, number][] = [
      ['welfare_recipients', 2],
      ['farm_subsidy', 1],
      ['project', 1 + (vi % 2)],
      ['assembly_decision', 1],
      ['homestead', vi % 3 === 0 ? 1 : 0],
      ['debts', 2],
      ['asset_contract', vi % 4 === 0 ? 1 : 0],
      ['yishiyiyi', vi % 5 === 0 ? 1 : 0],
    ];
    for (const [code, n] of occasional)
      for (let k = 0; k < n; k++) {
        const on = `${year}-${String(1 + r(10)).padStart(2, '0')}-${String(1 + r(27)).padStart(2, '0')}`;
        if (on <= today) plan.push({ t: templates.get(code)!, period: null, due: null, on });
      }
    if (vi % 4 === 1)
      plan.push({
        t: templates.get('party_recruit')!,
        period: null,
        due: null,
        on: `${year}-06-${String(10 + r(15))}`,
      });
    plan.sort((a, b) => a.on.localeCompare(b.on));
    let opening = (20000 + r(80000)) * 100;
    let lastFinance: number | null = null;
    for (const p of plan) {
      let raw: RawValues;
      if (p.t.code.startsWith('finance_')) {
        const f = financeValues(r, p.period!, opening);
        raw = f.raw;
        opening = f.closing;
      } else raw = otherValues(p.t, r, p.period);
      let decisionId: number | null = null;
      if (p.t.code === 'assembly_decision') {
        const d = await ctx.db
          .insertInto('village_decisions')
          .values({
            agency_id: townshipId,
            village_id: v.id,
            title: String(raw.decision),
            status: 'result_pending',
            proposed_on: addDays(p.on, -20),
            proposal: `党支部提议：${String(raw.decision)}`,
            consulted_on: addDays(p.on, -15),
            party_meeting_on: addDays(p.on, -10),
            party_total: 32,
            party_present: 27,
            party_agree: 26,
            assembly_kind: 'representatives',
            assembly_on: addDays(p.on, -3),
            assembly_total: 36,
            assembly_present: 31,
            assembly_agree: 29,
            created_by: liaison.id,
            created_by_name: liaison.display_name,
            created_at: `${addDays(p.on, -3)}T02:00:00.000Z`,
            updated_at: `${p.on}T02:00:00.000Z`,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        decisionId = d.id;
      }
      const opinion = r(25) === 0 ? 'disagree' : 'agree';
      const title = `${v.name}${p.period ? periodLabel(p.period) : ''}${p.t.name}`;
      const at = `${p.on}T02:00:00.000Z`;
      const row = await ctx.db
        .insertInto('village_disclosures')
        .values({
          agency_id: townshipId,
          village_id: v.id,
          template_id: p.t.id,
          kind: p.t.kind,
          code: p.t.code,
          title: decisionId ? `${v.name}关于${String(raw.decision)}的决议公开` : title,
          period: p.period,
          due_on: decisionId ? addDays(p.on, 2) : p.due,
          status: 'published',
          values_json: JSON.stringify(raw),
          notice_days: p.t.minNoticeDays,
          published_on: p.on,
          notice_end_on: p.t.minNoticeDays ? noticeEnd(p.on, p.t.minNoticeDays) : null,
          round: 1,
          supervision_opinion: opinion,
          supervision_reason: opinion === 'disagree' ? '个别支出凭证不全，建议补充后公开' : null,
          supervision_by_name: supervisorName,
          township_by_name: reviewer,
          board_posted_at: addDays(p.on, 1) + 'T01:30:00.000Z',
          decision_id: decisionId,
          decision_stage: decisionId ? 'resolution' : null,
          created_by: liaison.id,
          created_by_name: liaison.display_name,
          created_at: at,
          updated_at: at,
          version: 3,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.db
        .insertInto('village_disclosure_steps')
        .values([
          {
            disclosure_id: row.id,
            round: 1,
            step: 'submit',
            action: 'submit',
            reason: null,
            user_id: liaison.id,
            user_name: liaison.display_name,
            signed_at: `${addDays(p.on, -2)}T01:00:00.000Z`,
          },
          {
            disclosure_id: row.id,
            round: 1,
            step: 'supervision',
            action: opinion,
            reason: null,
            user_id: null,
            user_name: supervisorName,
            signed_at: `${addDays(p.on, -1)}T03:00:00.000Z`,
          },
          {
            disclosure_id: row.id,
            round: 1,
            step: 'township',
            action: 'approve',
            reason: null,
            user_id: clerk?.id ?? null,
            user_name: reviewer,
            signed_at: at,
          },
        ])
        .execute();
      if (p.t.kind === 'finance') lastFinance = row.id;
      // Objections: a few per township, of every outcome.
      const o = r(40);
      if (o < 2) {
        const raised = addDays(p.on, 2);
        const due = addDays(raised, 10);
        const escalated = o === 1 && due < today;
        await ctx.db
          .insertInto('village_objections')
          .values({
            disclosure_id: row.id,
            agency_id: townshipId,
            village_id: v.id,
            name: person(r),
            phone: '13900000000',
            body: o === 0 ? '表中“会议误餐”一笔是哪次会议？请说明。' : '我家符合条件，为什么名单里没有？',
            status: o === 0 ? 'answered' : escalated ? (r(2) ? 'resolved' : 'escalated') : 'open',
            answer_due_on: due,
            answer: o === 0 ? '为5月村民代表会议误餐，凭证已在公开栏附后，欢迎查阅。' : null,
            answered_by_name: o === 0 ? liaison.display_name : null,
            answered_at: o === 0 ? `${addDays(raised, 3)}T02:00:00.000Z` : null,
            escalated_on: escalated ? addDays(due, 1) : null,
            outcome: null,
            outcome_by_name: null,
            outcome_at: null,
            created_at: `${raised}T04:00:00.000Z`,
          })
          .execute();
      }
    }
    // A board photo (with its EXIF time) for the village's latest finance item.
    if (lastFinance) {
      const item = await ctx.db
        .selectFrom('village_disclosures')
        .select(['published_on'])
        .where('id', '=', lastFinance)
        .executeTakeFirstOrThrow();
      const shot = addDays(item.published_on!, 1);
      const bytes = await sharp({
        create: { width: 640, height: 480, channels: 3, background: { r: 180 - vi * 5, g: 40, b: 30 } },
      })
        .composite([
          {
            input: Buffer.from(
              `<svg width="640" height="480"><rect x="60" y="60" width="520" height="360" fill="#fff"/><text x="320" y="250" font-size="40" text-anchor="middle">${v.name}村务公开栏</text></svg>`,
            ),
            top: 0,
            left: 0,
          },
        ])
        .jpeg({ quality: 70 })
        .toBuffer();
      const key = `villages/${townshipId}/${crypto.randomBytes(16).toString('hex')}.jpg`;
      try {
        await fileStep(ctx.db, files, async (trx, step) => {
          await step.put(key, bytes);
          await trx
            .insertInto('village_disclosure_files')
            .values({
              disclosure_id: lastFinance,
              purpose: 'board_posted',
              file_name: `${v.name}公开栏.jpg`,
              mime: 'image/jpeg',
              size: bytes.length,
              sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
              storage_key: key,
              width: 640,
              height: 480,
              taken_at: `${shot}T01:30:00.000Z`,
              latitude: (36.79 + vi * 0.004).toFixed(6),
              longitude: (101.96 + vi * 0.005).toFixed(6),
              created_by_name: liaison.display_name,
              created_at: `${shot}T01:35:00.000Z`,
            })
            .execute();
        });
        photoCount++;
      } catch {
        // A read-only data directory: the demo goes on without photo files.
      }
    }
  }
  void photoCount;
}
