import type { Ctx } from '../context.ts';
import { writeSetting } from '../settings/agency-settings.ts';
import { HOME_AGENCY_SETTING } from '../org/home-agency.ts';
import { recordEvent } from '../audit/record-event.ts';
import { touchPortal } from '../portal/portal-version.ts';
import { createAgency, setDisclosureOffice } from '../org/manage-agency.ts';
import { createOffice, createVillage } from '../org/manage-units.ts';
import { createUser } from '../org/manage-users.ts';
import type { Role } from '../org/roles.ts';
import { InvalidStateError } from '../errors.ts';
import { featureDemo } from '../features.ts';

/** Demo data is marked so nobody mistakes it for real records. */
export const DEMO_TOWNSHIP_CODE = '630223-HLZG';

const OFFICES = [
  '党政综合办公室',
  '农业农村综合服务中心',
  '财政所',
  '社会事务办',
  '乡村振兴办公室',
  '综合行政执法办公室',
];
// The township's 13 villages (demo data).
const VILLAGES = [
  '哈拉直沟村',
  '费家村',
  '魏家堡村',
  '白崖村',
  '孔家梁村',
  '新合村',
  '甘家村',
  '时家村',
  '杨家村',
  '拉日村',
  '上吉哇村',
  '下吉哇村',
  '西庄村',
];

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  agency: string;
  password: string;
}

/** Hooks later features register to add their demo records (publications, requests, …) after the township exists. */

/**
 * Load the demo township 哈拉直沟乡人民政府 (互助土族自治县, 海东市, 青海省) into an empty database: offices,
 * 13 villages, and one user per role with one-time passwords (returned, to be printed once).
 */
export async function loadDemo(ctx: Ctx): Promise<DemoAccount[]> {
  const existing = await ctx.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (existing) throw new InvalidStateError('数据库中已有机关数据，演示数据只能载入空数据库');
  const province = await createAgency(ctx, {
    code: '63',
    name: '青海省人民政府',
    shortName: '青海省',
    kind: 'province',
    parentId: null,
    isPeopleGovernment: true,
  });
  const city = await createAgency(ctx, {
    code: '6302',
    name: '海东市人民政府',
    shortName: '海东市',
    kind: 'city',
    parentId: province.id,
    isPeopleGovernment: true,
  });
  const county = await createAgency(ctx, {
    code: '630223',
    name: '互助土族自治县人民政府',
    shortName: '互助县',
    kind: 'county',
    parentId: city.id,
    isPeopleGovernment: true,
  });
  const town = await createAgency(ctx, {
    code: DEMO_TOWNSHIP_CODE,
    name: '哈拉直沟乡人民政府',
    shortName: '哈拉直沟乡',
    kind: 'township',
    parentId: county.id,
    isPeopleGovernment: true,
  });
  const officeIds: Record<string, number> = {};
  for (const [i, name] of OFFICES.entries())
    officeIds[name] = await createOffice(ctx, town.id, { name, sortOrder: i });
  await setDisclosureOffice(ctx, town.id, officeIds['党政综合办公室']!);
  const villageIds: number[] = [];
  for (const [i, name] of VILLAGES.entries())
    villageIds.push(await createVillage(ctx, town.id, { name, code: null, sortOrder: i }));

  const people: {
    agencyId: number;
    agency: string;
    username: string;
    displayName: string;
    roles: Role[];
    officeId?: number;
    villageId?: number;
  }[] = [
    { agencyId: town.id, agency: town.name, username: 'admin', displayName: '系统管理员', roles: ['admin'] },
    {
      agencyId: town.id,
      agency: town.name,
      username: 'clerk',
      displayName: '李文静',
      roles: ['clerk'],
      officeId: officeIds['党政综合办公室'],
    },
    {
      agencyId: town.id,
      agency: town.name,
      username: 'drafter',
      displayName: '王建国',
      roles: ['drafter'],
      officeId: officeIds['农业农村综合服务中心'],
    },
    {
      agencyId: town.id,
      agency: town.name,
      username: 'officehead',
      displayName: '张海燕',
      roles: ['office_head'],
      officeId: officeIds['党政综合办公室'],
    },
    {
      agencyId: town.id,
      agency: town.name,
      username: 'deputy',
      displayName: '马永福',
      roles: ['deputy_leader'],
    },
    {
      agencyId: town.id,
      agency: town.name,
      username: 'principal',
      displayName: '祁德明',
      roles: ['principal_leader'],
    },
    {
      agencyId: town.id,
      agency: town.name,
      username: 'liaison',
      displayName: '费玉兰',
      roles: ['liaison'],
      villageId: villageIds[1],
    },
    { agencyId: town.id, agency: town.name, username: 'auditor', displayName: '赵审计', roles: ['auditor'] },
    {
      agencyId: county.id,
      agency: county.name,
      username: 'inspector',
      displayName: '县政务公开办',
      roles: ['inspector'],
    },
    {
      agencyId: county.id,
      agency: county.name,
      username: 'supervisor',
      displayName: '县政务公开办（督办）',
      roles: ['supervisor'],
    },
    {
      agencyId: county.id,
      agency: county.name,
      username: 'platform',
      displayName: '平台管理员',
      roles: ['platform_admin'],
    },
  ];
  const accounts: DemoAccount[] = [];
  for (const p of people) {
    const r = await createUser(ctx, p.agencyId, {
      username: p.username,
      displayName: p.displayName,
      roles: p.roles,
      officeId: p.officeId ?? null,
      villageId: p.villageId ?? null,
      phone: '',
      email: '',
    });
    accounts.push({
      username: p.username,
      displayName: p.displayName,
      roles: p.roles,
      agency: p.agency,
      password: r.oneTimePassword!,
    });
  }
  await writeSetting(ctx.db, town.id, HOME_AGENCY_SETTING, true, ctx.clock.now());
  // The portal's agency list and home agency are memoised per portal version (src/web/portal-scope.ts).
  await touchPortal(ctx.db);
  for (const ext of featureDemo()) await ext.run(ctx, town.id);
  await recordEvent(ctx.db, ctx, {
    action: 'demo.loaded',
    objectType: 'agency',
    objectId: town.id,
    agencyId: town.id,
    note: '演示数据（非真实记录）',
  });
  return accounts;
}

/** The console text that shows demo accounts once. */
export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const lines = accounts.map(
    (a) => `  ${a.username.padEnd(10)} ${a.password}  ${a.displayName}（${a.agency}）`,
  );
  return ['', '演示账号（一次性密码，仅显示这一次；首次登录须修改密码）：', ...lines, ''].join('\n');
}
