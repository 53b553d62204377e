/**
 * The attacked installation: two counties, each with a township, a full staff (every role), and objects that carry a
 * secret marker — a draft publication, a request, an annual report, a regional holiday, a problem of the 整改台账. Side A is the victim; side B
 * (another county) and anonymous visitors are the attackers.
 */
import type { Db } from '../../src/db/database.ts';
import type { Clock } from '../../src/clock.ts';
import { ROLES, type Role } from '../../src/org/roles.ts';
import type { User } from '../../src/org/org.ts';
import { prepareDatabase } from '../../src/setup.ts';
import { setDisclosureOffice } from '../../src/org/manage-agency.ts';
import { createPublication } from '../../src/publications/save-publication.ts';
import { findCategoryByCode } from '../../src/publications/publications.queries.ts';
import { ensureCatalogue } from '../../src/publications/seed-catalogue.ts';
import { registerRequest } from '../../src/requests/register-request.ts';
import { generateReport } from '../../src/annual-report/generator/generate-report.ts';
import { addRegionalHoliday } from '../../src/calendar/manage-regional-holidays.ts';
import { recordProblem } from '../../src/supervision/record-problem.ts';
import {
  ctxAs,
  makeAgency,
  makeOffice,
  makeUser,
  makeVillage,
  systemCtx,
  userActor,
} from '../support/factories.ts';
import type { Owner } from './route-table.ts';

/** Roles held in the county rather than the township. */
const COUNTY_ROLES: readonly Role[] = ['inspector', 'supervisor', 'platform_admin'];

export interface Side {
  label: string;
  countyId: number;
  townId: number;
  /** One user per role (county roles in the county, the others in the township), plus the county's admin. */
  users: { role: Role | 'county_admin'; user: User }[];
  objects: Record<Owner, number>;
  /** Text that only this side's staff may ever see. */
  secrets: string[];
}

async function side(db: Db, clock: Clock, label: string): Promise<Side> {
  const county = await makeAgency(db, { kind: 'county', parentId: null, name: `${label}县人民政府` });
  const town = await makeAgency(db, { parentId: county.id, name: `${label}乡人民政府` });
  const office = await makeOffice(db, town.id, '党政综合办公室');
  await setDisclosureOffice(systemCtx(db, clock), town.id, office);
  const village = await makeVillage(db, town.id);
  const users: Side['users'] = [];
  for (const role of ROLES) {
    const inCounty = COUNTY_ROLES.includes(role);
    users.push({
      role,
      user: await makeUser(db, inCounty ? county.id : town.id, [role], {
        officeId: role === 'office_head' || role === 'liaison' || role === 'drafter' ? office : null,
        villageId: role === 'village_supervisor' || role === 'village_cadre' ? village : null,
      }),
    });
  }
  users.push({ role: 'county_admin', user: await makeUser(db, county.id, ['admin']) });
  const as = (role: Role) => ctxAs(db, userActor(users.find((u) => u.role === role)!.user), clock);
  const secret = `${label}机密标记${Math.random().toString(36).slice(2, 8)}`;
  await ensureCatalogue(systemCtx(db, clock), town.id);
  const cat = (await findCategoryByCode(db, town.id, 'notices'))!;
  const publication = await createPublication(as('drafter'), {
    categoryId: String(cat.id),
    title: `${secret}草稿`,
    issuer: town.name,
    body: `${secret}正文`,
    attribute: 'proactive',
    formedOn: clock.today(),
  });
  const request = await registerRequest(as('clerk'), town.id, {
    applicantKind: 'natural_person',
    applicantName: `${label}申请人`,
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    phone: '13800000000',
    infoDescription: `${secret}申请内容`,
    formRequested: 'paper',
    deliveryRequested: 'post',
    channel: 'in_person',
    submittedOn: clock.today(),
  });
  const report = await generateReport(as('clerk'), {
    agencyId: town.id,
    year: Number(clock.today().slice(0, 4)) - 1,
  });
  const holiday = await addRegionalHoliday(as('admin'), town.id, {
    date: `${clock.today().slice(0, 4)}-12-28`,
    name: `${label}地方节日`,
  });
  const problem = await recordProblem(as('clerk'), town.id, {
    unitKind: 'village',
    unitId: village,
    responsibleUserId: null,
    responsibleName: '',
    title: `${secret}整改问题`,
    description: `${secret}问题说明`,
    deadline: null,
    link: null,
  });
  return {
    label,
    countyId: county.id,
    townId: town.id,
    users,
    objects: {
      agency: town.id,
      user: users.find((u) => u.role === 'clerk')!.user.id,
      office,
      village,
      holiday: holiday.id,
      check: 1,
      publication,
      category: cat.id,
      register: 1,
      appeal: 1,
      request: request.id,
      report: report.id,
      problem: problem.id,
    },
    secrets: [secret, `${label}申请人`, '11010519491231002X'],
  };
}

export async function buildWorld(db: Db, clock: Clock): Promise<{ a: Side; b: Side }> {
  await prepareDatabase(db, clock);
  const a = await side(db, clock, '甲');
  const b = await side(db, clock, '乙');
  // Side A is the installation's home (the portal's agency).
  await db
    .insertInto('agency_settings')
    .values({ agency_id: a.townId, key: 'installation.home', value_json: 'true', updated_at: '' })
    .execute();
  await db.updateTable('users').set({ must_change_password: 0 }).execute();
  return { a, b };
}

/** Default values for a route's path parameters; `id`-like ones come from the owner's object. */
export function concretePath(pattern: string, ids: Record<Owner, number>, owner?: Owner): string {
  const literal: Record<string, string> = {
    file: pattern.startsWith('/assets') ? 'site.css' : 'all.xml',
    att: '1',
    lid: '1.docx',
    aid: '1',
    step: 'note',
    table: 'decision',
    slug: 'guide',
    channel: 'wechat',
    code: 'notices',
    format: 'html',
    year: '2025',
  };
  return pattern.replace(/:([a-zA-Z]+)(\{(?:[^{}]|\{[^}]*\})*\})?/g, (_, name: string) => {
    if (name === 'agencyId') return String(ids.agency);
    if (name === 'id' && owner) return String(ids[owner]);
    return literal[name] ?? '1';
  });
}
