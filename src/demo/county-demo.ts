/**
 * The demo county (演示数据, not real records): besides the demo township, two more townships and two county
 * departments of 互助土族自治县, each with its disclosure office, three staff (clerk, office head, deputy leader),
 * its catalogue, a 信息公开指南 and a few published items, so the county 信息公开 home and every column have content.
 * Items go through the same use cases (draft, three reviews, publish) as in the web.
 */
import type { Ctx } from '../context.ts';
import { fixedClock } from '../clock.ts';
import { actorOf } from '../auth/session.ts';
import type { User } from '../org/org.ts';
import { createAgency, setDisclosureOffice } from '../org/manage-agency.ts';
import { createOffice } from '../org/manage-units.ts';
import { createUser } from '../org/manage-users.ts';
import { getAgency } from '../org/org.queries.ts';
import { ensureCatalogue } from '../publications/seed-catalogue.ts';
import { findCategoryByCode, getPublication } from '../publications/publications.queries.ts';
import { createPublication } from '../publications/save-publication.ts';
import { reviewPublication } from '../publications/review-publication.ts';
import { publishPublication } from '../publications/publish-publication.ts';
import { savePortalPage } from '../publications/save-portal-page.ts';

interface DemoAgency {
  code: string;
  name: string;
  shortName: string;
  kind: 'township' | 'department';
  office: string;
  /** Username prefix of its staff. */
  user: string;
  items: { category: string; title: string; body: string; formed: string; published: string }[];
}

/** The other agencies of the demo county (demo data). */
export const DEMO_COUNTY_AGENCIES: DemoAgency[] = [
  {
    code: '630223-WYZ',
    name: '威远镇人民政府',
    shortName: '威远镇',
    kind: 'township',
    office: '党政综合办公室',
    user: 'wyz',
    items: [
      {
        category: 'work_news',
        title: '威远镇开展春耕备耕农资供应检查（演示数据）',
        body: '为保障春耕生产，威远镇组织对辖区农资经营门店开展检查，重点检查种子、化肥的质量和价格公示。（演示数据）',
        formed: '2026-03-02',
        published: '2026-03-05',
      },
      {
        category: 'notices',
        title: '威远镇2026年城乡居民医疗保险集中缴费的通知（演示数据）',
        body: '2026年度城乡居民基本医疗保险集中缴费期为即日起至12月31日，请各村组织群众及时缴费。（演示数据）',
        formed: '2026-09-01',
        published: '2026-09-03',
      },
    ],
  },
  {
    code: '630223-DMZ',
    name: '丹麻镇人民政府',
    shortName: '丹麻镇',
    kind: 'township',
    office: '党政综合办公室',
    user: 'dmz',
    items: [
      {
        category: 'work_news',
        title: '丹麻镇完成农村饮水安全巩固提升工程（演示数据）',
        body: '丹麻镇农村饮水安全巩固提升工程完工，改造供水管网12公里，惠及5个村。（演示数据）',
        formed: '2026-06-10',
        published: '2026-06-12',
      },
      {
        category: 'notices',
        title: '丹麻镇2026年耕地地力保护补贴发放公示（演示数据）',
        body: '现将丹麻镇2026年耕地地力保护补贴发放情况予以公示，公示期7天。（演示数据）',
        formed: '2026-05-11',
        published: '2026-05-13',
      },
    ],
  },
  {
    code: '630223-JYJ',
    name: '互助土族自治县教育局',
    shortName: '县教育局',
    kind: 'department',
    office: '办公室',
    user: 'jyj',
    items: [
      {
        category: 'notices',
        title: '互助县2026年秋季学期义务教育招生工作的通知（演示数据）',
        body: '2026年秋季学期义务教育阶段招生坚持免试就近入学，请适龄儿童家长按学区报名。（演示数据）',
        formed: '2026-06-01',
        published: '2026-06-03',
      },
    ],
  },
  {
    code: '630223-MZJ',
    name: '互助土族自治县民政局',
    shortName: '县民政局',
    kind: 'department',
    office: '办公室',
    user: 'mzj',
    items: [
      {
        category: 'notices',
        title: '互助县调整城乡最低生活保障标准的通知（演示数据）',
        body: '自2026年7月1日起，城市低保标准调整为每人每月810元，农村低保标准调整为每人每年6100元。（演示数据）',
        formed: '2026-06-20',
        published: '2026-06-24',
      },
    ],
  },
];

/** Create the demo county's other agencies; run after the core demo (the township's parent is the county). */
export async function loadCountyDemo(ctx: Ctx, townshipId: number): Promise<void> {
  const countyId = (await getAgency(ctx.db, townshipId)).parentId!;
  const today = ctx.clock.today();
  for (const d of DEMO_COUNTY_AGENCIES) {
    const agency = await createAgency(ctx, {
      code: d.code,
      name: d.name,
      shortName: d.shortName,
      kind: d.kind,
      parentId: countyId,
      isPeopleGovernment: d.kind === 'township',
    });
    const officeId = await createOffice(ctx, agency.id, { name: d.office, sortOrder: 0 });
    await setDisclosureOffice(ctx, agency.id, officeId);
    const person = async (suffix: string, displayName: string, role: string, office: boolean) =>
      (
        await createUser(ctx, agency.id, {
          username: `${d.user}-${suffix}`,
          displayName,
          roles: [role],
          officeId: office ? officeId : null,
          villageId: null,
          phone: '',
          email: '',
        })
      ).user;
    const clerk = await person('clerk', `${d.shortName}信息公开专员`, 'clerk', true);
    const head = await person('head', `${d.shortName}办公室主任`, 'office_head', true);
    const deputy = await person('deputy', `${d.shortName}分管领导`, 'deputy_leader', false);
    const as = (date: string, u: User): Ctx => ({
      ...ctx,
      actor: actorOf(u),
      clock: fixedClock(`${date}T02:00:00Z`),
    });
    await ensureCatalogue(ctx, agency.id);
    await savePortalPage(as(d.items[0]!.formed, clerk), agency.id, 'guide', {
      title: '信息公开指南',
      body: `<p>${d.name}政府信息公开指南（演示数据）：主动公开的信息在本专栏“法定主动公开内容”中发布；申请公开请使用本专栏“依申请公开”。</p>`,
    });
    for (const item of d.items) {
      if (item.published > today) continue; // the demo never invents a future
      const category = (await findCategoryByCode(ctx.db, agency.id, item.category))!.id;
      const id = await createPublication(as(item.formed, clerk), {
        categoryId: String(category),
        title: item.title,
        issuer: d.name,
        docNo: '',
        body: item.body,
        attribute: 'proactive',
        formedOn: item.formed,
        writtenOn: '',
        docKind: 'none',
      });
      const v = async () => (await getPublication(ctx.db, id)).version;
      const step = async (u: User, s: string, extra: Record<string, string> = {}) =>
        reviewPublication(as(item.published, u), id, {
          step: s,
          action: 'approve',
          version: await v(),
          ...extra,
        });
      await step(clerk, 'first_review');
      await step(head, 'second_review', { secrecyConfirmed: '1' });
      await step(deputy, 'final_review');
      await publishPublication(as(item.published, clerk), id, await v());
    }
  }
}
