/** All SQL of 村级公开 that is shared by its use cases and pages; rows are mapped to domain objects here. */
import type { DbOrTrx } from '../db/database.ts';
import { fixedStatement, runFixed } from '../db/fixed-statement.ts';
import { parseJson, toNumber } from '../db/values.ts';
import { NotFoundError } from '../errors.ts';
import { isRole } from '../org/roles.ts';
import type { ItemTemplateDef, RawValues } from './item-template.ts';
import type { Cadence, DisclosureKind, DisclosureStatus, Opinion } from './village-disclosure.ts';
import type { VillageDisclosureTable, VillageItemTemplateTable } from './villages.tables.ts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ItemTemplate extends ItemTemplateDef {
  id: number;
  agencyId: number;
  version: number;
  isActive: boolean;
  sortOrder: number;
  createdByName: string;
  createdAt: string;
}

export function toTemplate(r: Selectable<VillageItemTemplateTable>): ItemTemplate {
  const extra = parseJson<{ fields: ItemTemplateDef['fields']; checks?: ItemTemplateDef['checks'] }>(
    r.fields_json,
    { fields: [] },
  );
  return {
    id: r.id,
    agencyId: r.agency_id,
    code: r.code,
    version: r.version,
    kind: r.kind as DisclosureKind,
    name: r.name,
    cadence: r.cadence as Cadence,
    minNoticeDays: r.min_notice_days,
    legalBasis: r.legal_basis,
    fields: extra.fields,
    checks: extra.checks ?? [],
    offlineNote: r.offline_note,
    approvals: parseJson(r.approvals_json, []),
    attachments: parseJson(r.attachments_json, []),
    isActive: toNumber(r.is_active) === 1,
    sortOrder: r.sort_order,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

/** Every version of every template of a township. */
export async function listTemplateVersions(db: DbOrTrx, agencyId: number): Promise<ItemTemplate[]> {
  const rows = await db
    .selectFrom('village_item_templates')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('sort_order')
    .orderBy('code')
    .orderBy('version')
    .execute();
  return rows.map(toTemplate);
}

/** The newest version of each template code. */
export async function listCurrentTemplates(db: DbOrTrx, agencyId: number): Promise<ItemTemplate[]> {
  return newestOfEachCode(await listTemplateVersions(db, agencyId));
}

/** From versions in (sort order, code, version) order: the newest of each code, by sort order. */
function newestOfEachCode<T extends { code: string; sortOrder: number }>(versions: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const t of versions) latest.set(t.code, t);
  return [...latest.values()].sort((a, b) => a.sortOrder - b.sortOrder);
}

/** What a list of templates shows of each: no field lists, checks or approvals (the village page's choices). */
export type TemplateHead = Pick<
  ItemTemplate,
  'id' | 'code' | 'version' | 'kind' | 'name' | 'cadence' | 'sortOrder'
>;

/**
 * The newest version of each template code, as heads (the same choice and order as listCurrentTemplates, without
 * reading and parsing every version's field JSON: docs/scale.md, "Ninth pass").
 */
const templateHeadsStatement = fixedStatement(['agencyId'], (db, p) =>
  db
    .selectFrom('village_item_templates')
    .select(['id', 'code', 'version', 'kind', 'name', 'cadence', 'sort_order'])
    .where('agency_id', '=', p.agencyId)
    .orderBy('sort_order')
    .orderBy('code')
    .orderBy('version'),
);

export async function listCurrentTemplateHeads(db: DbOrTrx, agencyId: number): Promise<TemplateHead[]> {
  const rows = await runFixed(db, templateHeadsStatement(db, { agencyId }));
  return newestOfEachCode(
    rows.map((r) => ({
      id: r.id,
      code: r.code,
      version: r.version,
      kind: r.kind as DisclosureKind,
      name: r.name,
      cadence: r.cadence as Cadence,
      sortOrder: r.sort_order,
    })),
  );
}

export async function getTemplate(db: DbOrTrx, id: number): Promise<ItemTemplate> {
  const r = await db.selectFrom('village_item_templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('模板不存在');
  return toTemplate(r);
}

export interface TemplateUse {
  villageId: number;
  code: string;
  templateId: number;
  version: number;
  pushedAt: string;
  pushedByName: string;
}

const templateUsesQuery = (db: Kysely<DB>, agencyId: number) =>
  db
    .selectFrom('village_template_uses as u')
    .innerJoin('village_item_templates as t', 't.id', 'u.template_id')
    .select(['u.village_id', 'u.code', 'u.template_id', 't.version', 'u.pushed_at', 'u.pushed_by_name'])
    .where('t.agency_id', '=', agencyId);
const templateUsesStatement = fixedStatement(['agencyId'], (db, p) => templateUsesQuery(db, p.agencyId));
const villageTemplateUsesStatement = fixedStatement(['agencyId', 'villageId'], (db, p) =>
  templateUsesQuery(db, p.agencyId).where('u.village_id', '=', p.villageId),
);

/** Which template version each village of a township uses. */
export async function listTemplateUses(
  db: DbOrTrx,
  agencyId: number,
  villageId?: number,
): Promise<TemplateUse[]> {
  const rows = await runFixed(
    db,
    villageId === undefined
      ? templateUsesStatement(db, { agencyId })
      : villageTemplateUsesStatement(db, { agencyId, villageId }),
  );
  return rows.map((r) => ({
    villageId: r.village_id,
    code: r.code,
    templateId: r.template_id,
    version: r.version,
    pushedAt: r.pushed_at,
    pushedByName: r.pushed_by_name,
  }));
}

/** What the calendar needs of a use: the code, and the current version's name, kind and cadence. */
export interface CalendarUse {
  code: string;
  name: string;
  kind: DisclosureKind;
  cadence: Cadence;
}

const calendarHeadsStatement = fixedStatement(['agencyId'], (db, p) =>
  db
    .selectFrom('village_item_templates')
    .select(['code', 'name', 'kind', 'cadence'])
    .where('agency_id', '=', p.agencyId)
    .orderBy('code')
    .orderBy('version'),
);
const calendarUsesQuery = (db: Kysely<DB>, agencyId: number) =>
  db
    .selectFrom('village_template_uses as u')
    .innerJoin('villages as v', 'v.id', 'u.village_id')
    .select(['u.village_id', 'u.code'])
    .where('v.agency_id', '=', agencyId);
const calendarUsesStatement = fixedStatement(['agencyId'], (db, p) => calendarUsesQuery(db, p.agencyId));
const villageCalendarUsesStatement = fixedStatement(['agencyId', 'villageId'], (db, p) =>
  calendarUsesQuery(db, p.agencyId).where('u.village_id', '=', p.villageId),
);

/**
 * Each village's template codes with their current version's name, kind and cadence: the calendar's read (heatmap,
 * reminders, daily checks), without the templates' field lists and the uses' push records. Two narrow statements.
 */
export async function listCalendarUses(
  db: DbOrTrx,
  agencyId: number,
  villageId?: number,
): Promise<Map<number, CalendarUse[]>> {
  const [heads, rows] = await Promise.all([
    runFixed(db, calendarHeadsStatement(db, { agencyId })),
    runFixed(
      db,
      villageId === undefined
        ? calendarUsesStatement(db, { agencyId })
        : villageCalendarUsesStatement(db, { agencyId, villageId }),
    ),
  ]);
  // The newest version of each code comes last and wins (as listCurrentTemplates).
  const current = new Map<string, CalendarUse>();
  for (const h of heads)
    current.set(h.code, {
      code: h.code,
      name: h.name,
      kind: h.kind as DisclosureKind,
      cadence: h.cadence as Cadence,
    });
  const out = new Map<number, CalendarUse[]>();
  for (const r of rows) {
    const entry = current.get(r.code);
    if (!entry) continue;
    const list = out.get(r.village_id);
    if (list) list.push(entry);
    else out.set(r.village_id, [entry]);
  }
  return out;
}

export interface Disclosure {
  id: number;
  agencyId: number;
  villageId: number;
  templateId: number;
  kind: DisclosureKind;
  code: string;
  title: string;
  period: string | null;
  dueOn: string | null;
  status: DisclosureStatus;
  raw: RawValues;
  noticeDays: number;
  publishedOn: string | null;
  noticeEndOn: string | null;
  round: number;
  supervisionOpinion: Opinion | null;
  supervisionReason: string | null;
  supervisionByName: string | null;
  townshipByName: string | null;
  decisionId: number | null;
  decisionStage: 'resolution' | 'result' | null;
  boardPostedAt: string | null;
  boardRemovedAt: string | null;
  boardRemovedNote: string | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toDisclosure(r: Selectable<VillageDisclosureTable>): Disclosure {
  return {
    id: r.id,
    agencyId: r.agency_id,
    villageId: r.village_id,
    templateId: r.template_id,
    kind: r.kind as DisclosureKind,
    code: r.code,
    title: r.title,
    period: r.period,
    dueOn: r.due_on,
    status: r.status as DisclosureStatus,
    raw: parseJson<RawValues>(r.values_json, {}),
    noticeDays: r.notice_days,
    publishedOn: r.published_on,
    noticeEndOn: r.notice_end_on,
    round: r.round,
    supervisionOpinion: r.supervision_opinion as Opinion | null,
    supervisionReason: r.supervision_reason,
    supervisionByName: r.supervision_by_name,
    townshipByName: r.township_by_name,
    decisionId: r.decision_id,
    decisionStage: r.decision_stage as Disclosure['decisionStage'],
    boardPostedAt: r.board_posted_at,
    boardRemovedAt: r.board_removed_at,
    boardRemovedNote: r.board_removed_note,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function findDisclosure(db: DbOrTrx, id: number): Promise<Disclosure | undefined> {
  const r = await db.selectFrom('village_disclosures').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDisclosure(r) : undefined;
}

/** Items of a village (newest first); `publishedOnly` for public pages. */
export async function listVillageDisclosures(
  db: DbOrTrx,
  villageId: number,
  opts: { publishedOnly?: boolean; year?: number; limit?: number } = {},
): Promise<Disclosure[]> {
  let q = db.selectFrom('village_disclosures').selectAll().where('village_id', '=', villageId);
  if (opts.publishedOnly) q = q.where('status', '=', 'published');
  if (opts.year) {
    q = q.where('published_on', '>=', `${opts.year}-01-01`).where('published_on', '<=', `${opts.year}-12-31`);
  }
  const rows = await q
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 500)
    .execute();
  return rows.map(toDisclosure);
}

export interface StepRow {
  id: number;
  round: number;
  step: string;
  action: string;
  reason: string | null;
  userId: number | null;
  userName: string;
  signedAt: string;
}

export async function listSteps(db: DbOrTrx, disclosureId: number): Promise<StepRow[]> {
  const rows = await db
    .selectFrom('village_disclosure_steps')
    .selectAll()
    .where('disclosure_id', '=', disclosureId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    round: r.round,
    step: r.step,
    action: r.action,
    reason: r.reason,
    userId: r.user_id,
    userName: r.user_name,
    signedAt: r.signed_at,
  }));
}

export interface DisclosureFile {
  id: number;
  disclosureId: number;
  purpose: FilePurpose;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  storageKey: string;
  width: number | null;
  height: number | null;
  takenAt: string | null;
  latitude: string | null;
  longitude: string | null;
  createdByName: string;
  createdAt: string;
}
export const FILE_PURPOSES = ['voucher', 'photo', 'minutes', 'board_posted', 'board_removed'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
export const FILE_PURPOSE_LABELS: Record<FilePurpose, string> = {
  voucher: '记账凭证照片',
  photo: '现场照片',
  minutes: '会议记录照片',
  board_posted: '公开栏张贴照片',
  board_removed: '公示期满撤下照片',
};

export async function listFiles(db: DbOrTrx, disclosureId: number): Promise<DisclosureFile[]> {
  const rows = await db
    .selectFrom('village_disclosure_files')
    .selectAll()
    .where('disclosure_id', '=', disclosureId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    disclosureId: r.disclosure_id,
    purpose: r.purpose as FilePurpose,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    storageKey: r.storage_key,
    width: r.width,
    height: r.height,
    takenAt: r.taken_at,
    latitude: r.latitude,
    longitude: r.longitude,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  }));
}

/** Active users of a township holding a role, optionally of one village (who can act on a waiting item). */
export async function actorsFor(
  db: DbOrTrx,
  agencyId: number,
  role: string,
  villageId?: number,
): Promise<{ id: number; name: string }[]> {
  let q = db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .where('u.agency_id', '=', agencyId)
    .where('u.is_active', '=', 1)
    .where('r.role', '=', role);
  if (villageId !== undefined) q = q.where('u.village_id', '=', villageId);
  const rows = await q.orderBy('u.id').execute();
  if (!isRole(role)) return [];
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

const villageStatement = fixedStatement(['villageId'], (db, p) =>
  db.selectFrom('villages').select(['id', 'agency_id', 'name', 'sort_order']).where('id', '=', p.villageId),
);

export async function villageOf(
  db: DbOrTrx,
  villageId: number,
): Promise<{ id: number; agencyId: number; name: string; sortOrder: number }> {
  const [v] = await runFixed(db, villageStatement(db, { villageId }));
  if (!v) throw new NotFoundError('村不存在');
  return { id: v.id, agencyId: v.agency_id, name: v.name, sortOrder: v.sort_order };
}

export interface DisclosureHead {
  id: number;
  villageId: number;
  kind: DisclosureKind;
  code: string;
  title: string;
  period: string | null;
  dueOn: string | null;
  status: DisclosureStatus;
  publishedOn: string | null;
}

const itemHeadsQuery = (db: DbOrTrx, villageId: number) =>
  db
    .selectFrom('village_disclosures')
    .select(['id', 'village_id', 'kind', 'code', 'title', 'period', 'due_on', 'status', 'published_on'])
    .where('village_id', '=', villageId);
// Every item of the village, newest first (the office village page's list): one fixed statement.
const villageItemHeadsStatement = fixedStatement(['villageId', 'limit'], (db, p) =>
  itemHeadsQuery(db, p.villageId).orderBy('published_on', 'desc').orderBy('id', 'desc').limit(p.limit),
);

/** Lists of a village's items (titles, periods, states — no values), newest first. */
export async function listVillageItemHeads(
  db: DbOrTrx,
  villageId: number,
  opts: { publishedOnly?: boolean; year?: number; unpublishedOnly?: boolean; limit?: number } = {},
): Promise<DisclosureHead[]> {
  const limit = opts.limit ?? 500;
  let rows;
  if (!opts.publishedOnly && !opts.unpublishedOnly && !opts.year) {
    rows = await runFixed(db, villageItemHeadsStatement(db, { villageId, limit }));
  } else {
    let q = itemHeadsQuery(db, villageId);
    if (opts.publishedOnly) q = q.where('status', '=', 'published');
    if (opts.unpublishedOnly) q = q.where('status', '!=', 'published');
    if (opts.year)
      q = q
        .where('published_on', '>=', `${opts.year}-01-01`)
        .where('published_on', '<=', `${opts.year}-12-31`);
    rows = await q.orderBy('published_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
  return rows.map((r) => ({
    id: r.id,
    villageId: r.village_id,
    kind: r.kind as DisclosureKind,
    code: r.code,
    title: r.title,
    period: r.period,
    dueOn: r.due_on,
    status: r.status as DisclosureStatus,
    publishedOn: r.published_on,
  }));
}

/** What the public village page lists of an item: no code, due date or state (they are all published). */
export type PublishedItemHead = Pick<DisclosureHead, 'id' | 'kind' | 'title' | 'period' | 'publishedOn'>;

/** The public page's statement (compiled once): a village's items published between two dates, newest first. */
const publishedItemsStatement = fixedStatement(['villageId', 'from', 'to'], (db, p) =>
  db
    .selectFrom('village_disclosures')
    .select(['id', 'kind', 'title', 'period', 'published_on'])
    .where('village_id', '=', p.villageId)
    .where('status', '=', 'published')
    .where('published_on', '>=', p.from)
    .where('published_on', '<=', p.to)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    // A literal limit: SQLite answers a sixth faster than with the limit as a parameter (docs/scale.md, "Twelfth pass").
    .limit(sql.lit(500)),
);

/**
 * A village's items published in a year (the public village page), newest first: the rows and order of
 * `listVillageItemHeads(db, id, { publishedOnly: true, year })`, with the columns the page lists.
 */
export async function listPublishedItemHeads(
  db: DbOrTrx,
  villageId: number,
  year: number,
): Promise<PublishedItemHead[]> {
  const rows = await runFixed(
    db,
    publishedItemsStatement(db, { villageId, from: `${year}-01-01`, to: `${year}-12-31` }),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as DisclosureKind,
    title: r.title,
    period: r.period,
    publishedOn: r.published_on,
  }));
}

/** A stored file of an item, with the item's status (the office and public file routes check access from it). */
export async function findDisclosureFile(
  db: DbOrTrx,
  fileId: number,
): Promise<
  | {
      disclosureId: number;
      storageKey: string;
      status: DisclosureStatus;
      templateId: number;
      noticeEndOn: string | null;
    }
  | undefined
> {
  const f = await db
    .selectFrom('village_disclosure_files as f')
    .innerJoin('village_disclosures as d', 'd.id', 'f.disclosure_id')
    .select(['f.disclosure_id', 'f.storage_key', 'd.status', 'd.template_id', 'd.notice_end_on'])
    .where('f.id', '=', fileId)
    .executeTakeFirst();
  return (
    f && {
      disclosureId: toNumber(f.disclosure_id),
      storageKey: f.storage_key,
      status: f.status as DisclosureStatus,
      templateId: toNumber(f.template_id),
      noticeEndOn: f.notice_end_on,
    }
  );
}

/** The item a villager's objection is attached to. */
export async function objectionDisclosureId(db: DbOrTrx, objectionId: number): Promise<number> {
  const row = await db
    .selectFrom('village_objections')
    .select('disclosure_id')
    .where('id', '=', objectionId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('质询不存在');
  return row.disclosure_id;
}

export interface VillageDecisionHead {
  id: number;
  title: string;
  assemblyOn: string;
  status: string;
}

const villageDecisionsStatement = fixedStatement(['villageId', 'limit'], (db, p) =>
  db
    .selectFrom('village_decisions')
    .select(['id', 'title', 'assembly_on', 'status'])
    .where('village_id', '=', p.villageId)
    .orderBy('id', 'desc')
    .limit(p.limit),
);

/** A village's 四议两公开 records, newest first (the village page lists them). */
export async function listVillageDecisions(
  db: DbOrTrx,
  villageId: number,
  limit = 50,
): Promise<VillageDecisionHead[]> {
  const rows = await runFixed(db, villageDecisionsStatement(db, { villageId, limit }));
  return rows.map((r) => ({ id: r.id, title: r.title, assemblyOn: r.assembly_on, status: r.status }));
}
