/**
 * Demo records of 监督保障 (演示数据, not real records) for the demo township's 2026, made through the same use cases
 * as the web, each on its own business date with the demo user who would do it: the five problems of the 2025
 * report taken into the ledger, quarterly inspections with problems (most closed; one at 费家村 found again at its
 * +30-day 回头看 and reopened as recurring; two past their deadline, one under county 督办), trainings (上级 2, 乡级
 * 3), a social evaluation, the monthly bulletins, a daily check, and the year's assessment. A date after today is
 * left out (the demo never invents a future).
 */
import zlib from 'node:zlib';
import type { Ctx } from '../context.ts';
import { fixedClock } from '../clock.ts';
import { actorOf } from '../auth/session.ts';
import { findAgency, findUserByUsername, listOffices, listVillages } from '../org/org.queries.ts';
import type { User } from '../org/org.ts';
import { recordProblem } from './record-problem.ts';
import { rectifyProblem } from './rectify-problem.ts';
import { closeOutProblem } from './close-out-problem.ts';
import { listFollowUps, recordFollowUp, runDueFollowUps } from './follow-up.ts';
import { findProblem, writeSettings, DEFAULT_SETTINGS } from './supervision.queries.ts';
import { ensureChecklist, listChecklist } from './checklist.queries.ts';
import {
  checkTarget,
  closeInspection,
  loadInspection,
  planInspection,
  type TargetResults,
} from './inspections.ts';
import { recordTraining } from './trainings.ts';
import { createQuestionnaire, enterPaperResponse, submitOnline } from './evaluations.ts';
import { generateBulletin, publishBulletin } from './bulletin.ts';
import { computeAssessment } from './assessment.ts';
import { issueSupervision, answerSupervision } from './supervise-problem.ts';
import { runDailyChecks } from './daily-checks.ts';
import type { EvidenceInput } from './evidence.ts';

/** A small solid-colour PNG (a stand-in photo of a notice board), built with a real header, IDAT and CRCs. */
export function demoPhoto(rgb: [number, number, number]): Uint8Array {
  const w = 48;
  const h = 32;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set(rgb, y * (w * 3 + 1) + 1 + x * 3);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const photo = (name: string, rgb: [number, number, number]): EvidenceInput => ({
  kind: 'photo',
  fileName: name,
  bytes: demoPhoto(rgb),
});

type Step = () => Promise<void>;

export async function loadSupervisionDemo(ctx: Ctx, townshipId: number): Promise<void> {
  const user = async (username: string) => {
    const u = await findUserByUsername(ctx.db, username);
    if (!u) throw new Error(`demo user ${username} missing`);
    return u;
  };
  const [clerk, head, liaison, drafter, supervisor, deputy] = await Promise.all(
    ['clerk', 'officehead', 'liaison', 'drafter', 'supervisor', 'deputy'].map(user),
  );
  const town = (await findAgency(ctx.db, townshipId))!;
  const on = (date: string, u: User): Ctx => ({
    ...ctx,
    actor: actorOf(u),
    clock: fixedClock(`${date}T02:00:00Z`),
  });
  const sys = (date: string): Ctx => ({ ...ctx, clock: fixedClock(`${date}T02:00:00Z`) });
  const today = ctx.clock.today();
  const steps: [string, Step][] = [];
  const at = (date: string, step: Step) => steps.push([date, step]);
  const offices = Object.fromEntries((await listOffices(ctx.db, townshipId)).map((o) => [o.name, o.id]));
  const villages = Object.fromEntries((await listVillages(ctx.db, townshipId)).map((v) => [v.name, v.id]));
  await ensureChecklist(ctx.db, townshipId, ctx.clock.now().toISOString());
  const items = await listChecklist(ctx.db, townshipId, true);
  const item = (code: string) => items.find((i) => i.code === code)!.id;
  await writeSettings(
    ctx.db,
    townshipId,
    {
      ...DEFAULT_SETTINGS,
      sensitiveWords: ['最高级', '国家级（未经认定）'],
      leaders: [
        { post: '乡长', name: '祁德明' },
        { post: '副乡长', name: '马永福' },
      ],
    },
    ctx.clock.now().toISOString(),
  );

  // ---- the five problems of the 2025 report, taken into the ledger in January ----
  const lastYear = [
    [
      '公开内容深度不够，惠民政策解读缺少图文、案例等通俗化形式',
      '2026-04-30',
      '2026-04-20',
      '在“政策解读”栏目新增图文解读6篇、案例讲解2篇',
    ],
    [
      '少数动态类信息、村级公开信息更新滞后',
      '2026-03-31',
      '2026-03-25',
      '建立每日巡查、每周提醒、每月通报机制，动态信息当日更新',
    ],
    [
      '村级公开规范化水平不均衡，内容简单、格式不统一',
      '2026-06-30',
      '2026-06-18',
      '制定统一的村级公开模板，培训13个村的信息联络员',
    ],
    ['公开形式载体单一，互动性不强', '2026-12-31', null, null],
    [
      '监督考核、保密审查等长效机制有待完善',
      '2026-05-31',
      '2026-05-20',
      '修订政务公开考核办法，保密审查纳入三级审核',
    ],
  ] as const;
  const lastYearIds: number[] = [];
  at('2026-01-25', async () => {
    for (const [title, deadline] of lastYear) {
      const p = await recordProblem(
        on('2026-01-25', clerk),
        townshipId,
        {
          unitKind: 'office',
          unitId: offices['党政综合办公室']!,
          responsibleUserId: head.id,
          responsibleName: '',
          title,
          description: '哈拉直沟乡2025年度政府信息公开工作报告“五、存在的问题及改进情况”所列问题。',
          deadline,
          link: null,
        },
        [],
        { fromLastReport: true },
      );
      lastYearIds.push(p.id);
    }
  });
  lastYear.forEach(([, , done, note], i) => {
    if (!done || !note) return;
    at(done, async () => {
      const p = (await findProblem(ctx.db, lastYearIds[i]!))!;
      const r = await rectifyProblem(
        on(done, head),
        p.id,
        { version: p.version, note, link: '/catalogue' },
        [],
      );
      await closeOutProblem(on(done, clerk), p.id, {
        version: r.version,
        decision: 'close',
        note: '经复核，整改措施已落实',
      });
    });
  });

  // ---- trainings: 上级 2, 乡级 3 ----
  const trainings: [
    string,
    'superior' | 'township',
    'held' | 'attended',
    string,
    string,
    number[],
    string[],
  ][] = [
    [
      '2026-03-18',
      'superior',
      'attended',
      '《政府信息公开条例》及政务公开标准化规范化培训',
      '互助县政务公开办',
      [clerk.id, head.id],
      [],
    ],
    [
      '2026-04-08',
      'township',
      'held',
      '主动公开三级审核与保密审查实务',
      '李文静',
      [clerk.id, head.id, drafter.id, liaison.id],
      ['白崖村联络员', '魏家堡村联络员', '孔家梁村联络员'],
    ],
    [
      '2026-07-15',
      'township',
      'held',
      '村务公开栏规范化和村级公开模板',
      '张海燕',
      [liaison.id, head.id],
      ['新合村联络员', '甘家村联络员', '时家村联络员', '杨家村联络员'],
    ],
    [
      '2026-09-10',
      'superior',
      'attended',
      '依申请公开答复规范与年度报告编制',
      '海东市政务公开办',
      [clerk.id],
      [],
    ],
    [
      '2026-11-12',
      'township',
      'held',
      '政府网站抽查评估指标与错敏词防范',
      '李文静',
      [clerk.id, head.id, drafter.id, liaison.id],
      ['拉日村联络员', '西庄村联络员'],
    ],
  ];
  for (const [d, level, mode, topic, trainer, attendeeIds, others] of trainings)
    at(d, async () => {
      await recordTraining(on(d, clerk), townshipId, {
        level,
        mode,
        heldOn: d,
        topic,
        trainer,
        materials: `${topic}（课件）`,
        attendeeIds,
        others,
      });
    });

  // ---- quarterly inspections ----
  const inspection = (
    date: string,
    quarter: number,
    targets: string[],
    problems: Record<
      string,
      { item: string; title: string; responsible: number | null; deadline: string; photo?: boolean }
    >,
    close: string | null,
  ) => {
    const codes = ['content_complete', 'timeliness', 'procedure', 'village_disclosure'];
    let id = 0;
    at(date, async () => {
      [id] = await planInspection(on(date, clerk), townshipId, {
        year: 2026,
        quarter,
        title: '',
        targets,
        itemIds: codes.map(item),
      });
      const { targets: ts } = await loadInspection(ctx.db, id);
      for (const t of ts) {
        const key = `${t.unitKind}:${t.unitId}`;
        const pr = problems[key];
        const results: TargetResults = codes.map((c) =>
          pr && pr.item === c
            ? {
                itemId: item(c),
                outcome: 'problem' as const,
                note: '',
                evidence: pr.photo
                  ? [photo('现场照片.png', [200, 180, 150])]
                  : [{ kind: 'text' as const, text: '现场检查记录' }],
                problem: { title: pr.title, responsibleUserId: pr.responsible, deadline: pr.deadline },
              }
            : { itemId: item(c), outcome: 'passed' as const, note: '', evidence: [] },
        );
        await checkTarget(on(date, clerk), id, t.id, results);
      }
    });
    if (close)
      at(close, async () =>
        closeInspection(on(close, clerk), id, '本季度专项督查已完成，发现的问题已全部纳入整改台账。'),
      );
  };
  const o = (n: string) => `office:${offices[n]}`;
  const v = (n: string) => `village:${villages[n]}`;
  inspection(
    '2026-03-25',
    1,
    [o('党政综合办公室'), o('农业农村综合服务中心'), v('费家村'), v('白崖村')],
    {
      [v('费家村')]: {
        item: 'village_disclosure',
        title: '村务公开栏未更新第一季度财务收支',
        responsible: liaison.id,
        deadline: '2026-04-10',
        photo: true,
      },
      [o('农业农村综合服务中心')]: {
        item: 'content_complete',
        title: '耕地地力保护补贴政策未配套发布解读',
        responsible: drafter.id,
        deadline: '2026-04-15',
      },
    },
    '2026-03-31',
  );
  inspection(
    '2026-06-20',
    2,
    [o('财政所'), o('社会事务办'), v('魏家堡村'), v('孔家梁村')],
    {
      [o('财政所')]: {
        item: 'content_complete',
        title: '2026年部门预算公开缺少“三公”经费说明',
        responsible: null,
        deadline: '2026-07-05',
      },
      [v('孔家梁村')]: {
        item: 'village_disclosure',
        title: '村级公开栏缺少低保评议结果公示',
        responsible: null,
        deadline: '2026-07-10',
      },
    },
    '2026-06-30',
  );
  inspection(
    '2026-09-22',
    3,
    [o('乡村振兴办公室'), o('综合行政执法办公室'), v('新合村'), v('甘家村')],
    {
      [o('综合行政执法办公室')]: {
        item: 'timeliness',
        title: '行政处罚决定未在20个工作日内公开',
        responsible: null,
        deadline: '2026-10-10',
      },
      [v('甘家村')]: {
        item: 'village_disclosure',
        title: '村务公开栏第三季度内容未更新',
        responsible: null,
        deadline: '2026-10-15',
      },
    },
    '2026-09-30',
  );
  inspection('2026-11-25', 4, [o('党政综合办公室'), v('费家村'), v('时家村')], {}, null);

  const problemByTitle = async (title: string) => {
    const r = await ctx.db
      .selectFrom('sv_problems')
      .select('id')
      .where('agency_id', '=', townshipId)
      .where('title', '=', title)
      .executeTakeFirstOrThrow();
    return (await findProblem(ctx.db, r.id))!;
  };
  const fix = (date: string, title: string, by: User, closer: User, note: string, withPhoto = false) =>
    at(date, async () => {
      const p = await problemByTitle(title);
      const r = await rectifyProblem(
        on(date, by),
        p.id,
        { version: p.version, note, link: withPhoto ? '' : '/catalogue' },
        withPhoto ? [photo('整改后公开栏.png', [120, 170, 120])] : [],
      );
      await closeOutProblem(on(date, closer), p.id, {
        version: r.version,
        decision: 'close',
        note: '现场复核，整改到位',
      });
    });
  // 费家村: closed, then found again at the +30-day 回头看 and reopened as recurring; fixed again and held.
  fix('2026-04-03', '村务公开栏未更新第一季度财务收支', liaison, clerk, '已张贴第一季度财务收支明细', true);
  at('2026-05-03', async () => {
    await runDueFollowUps(sys('2026-05-03'));
    const p = await problemByTitle('村务公开栏未更新第一季度财务收支');
    const [f] = (await listFollowUps(ctx.db, p.id)).filter((x) => x.status === 'scheduled');
    await recordFollowUp(
      on('2026-05-03', clerk),
      f!.id,
      { result: 'recurred', note: '回头看发现四月份村务公开内容仍未更新，问题反弹' },
      [photo('回头看.png', [210, 160, 140])],
    );
  });
  fix(
    '2026-05-12',
    '村务公开栏未更新第一季度财务收支',
    liaison,
    clerk,
    '已更新并建立每月5日前更新公开栏的制度',
    true,
  );
  for (const d of ['2026-06-11', '2026-08-10'])
    at(d, async () => {
      await runDueFollowUps(sys(d));
      const p = await problemByTitle('村务公开栏未更新第一季度财务收支');
      const due = (await listFollowUps(ctx.db, p.id)).filter((x) => x.status === 'scheduled' && x.dueOn <= d);
      for (const f of due)
        await recordFollowUp(
          on(d, clerk),
          f.id,
          { result: 'passed', note: '回头看：公开栏按月更新，整改成果巩固' },
          [],
        );
    });
  fix('2026-04-12', '耕地地力保护补贴政策未配套发布解读', drafter, clerk, '已发布政策图解和问答');
  fix('2026-07-03', '2026年部门预算公开缺少“三公”经费说明', clerk, deputy, '已补充“三公”经费说明并重新公开');
  fix('2026-10-09', '行政处罚决定未在20个工作日内公开', clerk, deputy, '已公开并建立办结即报送机制');
  // 孔家梁村 and 甘家村 stay open past their deadline; the daily check escalates them; the county issues 督办 on one.
  at('2026-07-11', async () => {
    await runDailyChecks(sys('2026-07-11'), { period: '2026-07-11' });
  });
  at('2026-10-20', async () => {
    // The county's 督办 role (holding county.supervision) issues it.
    if (supervisor.agencyId !== town.parentId) return;
    const p = await problemByTitle('村级公开栏缺少低保评议结果公示');
    await issueSupervision(on('2026-10-20', supervisor), p.id, {
      demand: '请于10月底前完成整改并书面报告原因',
      answerBy: '2026-10-30',
    });
  });
  at('2026-10-28', async () => {
    const p = await problemByTitle('村级公开栏缺少低保评议结果公示');
    const s = await ctx.db
      .selectFrom('sv_supervisions')
      .select('id')
      .where('problem_id', '=', p.id)
      .executeTakeFirst();
    if (s)
      await answerSupervision(on('2026-10-28', clerk), s.id, {
        answer:
          '孔家梁村村委会换届后公开栏由新任联络员负责，已安排11月15日前补公示，乡党政综合办公室跟踪落实。',
      });
  });

  // 回头看 of the other closed problems: re-checked on site and held.
  for (const d of ['2026-06-15', '2026-09-15', '2026-11-28'])
    at(d, async () => {
      await runDueFollowUps(sys(d));
      const due = await ctx.db
        .selectFrom('sv_follow_ups')
        .innerJoin('sv_problems', 'sv_problems.id', 'sv_follow_ups.problem_id')
        .select(['sv_follow_ups.id'])
        .where('sv_problems.agency_id', '=', townshipId)
        .where('sv_problems.status', '=', 'closed')
        .where('sv_problems.check_kind', 'is', null)
        .where('sv_follow_ups.status', '=', 'scheduled')
        .where('sv_follow_ups.due_on', '<=', d)
        .execute();
      for (const f of due)
        await recordFollowUp(
          on(d, clerk),
          f.id,
          { result: 'passed', note: '回头看：整改措施持续落实，未发现反弹' },
          [],
        );
    });

  // ---- social evaluation ----
  at('2026-11-20', async () => {
    const q = await createQuestionnaire(on('2026-11-20', clerk), townshipId, {
      year: 2026,
      title: '2026年度哈拉直沟乡政务公开工作社会评议',
      items: ['公开内容全面准确', '公开及时', '查阅获取方便', '对政务公开工作总体评价'],
    });
    const online = [
      [5, 4, 4, 5],
      [4, 4, 3, 4],
      [5, 5, 4, 5],
      [4, 3, 4, 4],
      [5, 4, 5, 5],
    ];
    for (const [i, scores] of online.entries())
      await submitOnline(ctx.db, fixedClock('2026-11-21T03:00:00Z'), q.token, `10.0.0.${i + 1}`, {
        group: 'public',
        name: '',
        scores,
        comment: i === 1 ? '希望村务公开栏更新再及时一些，有事可打我电话13909721234' : '',
      });
    const paper: ['npc_deputy' | 'cppcc_member', number[], string][] = [
      ['npc_deputy', [5, 4, 4, 5], '建议政策解读多用图表'],
      ['npc_deputy', [4, 4, 4, 4], ''],
      ['npc_deputy', [5, 5, 5, 5], ''],
      ['cppcc_member', [4, 4, 5, 4], '建议增加短视频解读'],
      ['cppcc_member', [5, 4, 4, 5], ''],
    ];
    for (const [group, scores, comment] of paper)
      await enterPaperResponse(on('2026-11-24', clerk), q.id, { group, name: '', scores, comment });
  });

  // ---- monthly bulletins (drafted on the 1st for the month before; most published) ----
  for (let m = 1; m <= 11; m++) {
    const period = `2026-${String(m).padStart(2, '0')}`;
    const d = m === 12 ? '2027-01-01' : `2026-${String(m + 1).padStart(2, '0')}-01`;
    at(d, async () => {
      await generateBulletin(sys(d), townshipId, period);
      if (m <= 10)
        await publishBulletin(on(`2026-${String(m + 1).padStart(2, '0')}-03`, clerk), townshipId, period);
    });
  }

  // ---- the year's assessment (draft) ----
  at('2026-11-30', async () => {
    const units = [
      ...Object.values(offices).map((id) => `office:${id}`),
      ...Object.values(villages).map((id) => `village:${id}`),
    ];
    await computeAssessment(on('2026-11-30', clerk), townshipId, 2026, [
      {
        label: '社会评议和日常工作',
        max: 20,
        scores: Object.fromEntries(units.map((k, i) => [k, 15 + (i % 5)])),
      },
    ]);
  });

  for (const [date, step] of steps.sort((a, b) => a[0].localeCompare(b[0]))) if (date <= today) await step();
}
