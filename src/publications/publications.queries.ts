/** All SQL of 主动公开 that is not a use case's own write: reads, row → domain mapping, settings. */
import { z } from 'zod';
import { defineSetting, readSetting } from '../settings/agency-settings.ts';
import { sql, type Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DbOrTrx } from '../db/database.ts';
import { parseJson, toBool, toNumber } from '../db/values.ts';
import { NotFoundError } from '../errors.ts';
import type { Category } from './catalogue.ts';
import {
  DEFAULT_REVIEW_CHAIN,
  type Attribute,
  type DocKind,
  type PublicationStatus,
  type ReviewChainConfig,
  type ReviewRecord,
  type ReviewStep,
  type Validity,
  type WithholdGround,
  REVIEW_STEPS,
} from './publication.ts';
import type { SecrecyHit } from './secrecy-scan.ts';

export interface Publication {
  id: number;
  agencyId: number;
  officeId: number | null;
  categoryId: number;
  status: PublicationStatus;
  attribute: Attribute;
  withholdGrounds: WithholdGround[];
  indexNo: string | null;
  title: string;
  docNo: string | null;
  issuer: string;
  writtenOn: string | null;
  publishedOn: string | null;
  topic: string | null;
  genre: string | null;
  validity: Validity;
  repealedOn: string | null;
  repealedById: number | null;
  repealedByTitle: string | null;
  keywords: string | null;
  bodyHtml: string;
  bodyText: string;
  docKind: DocKind;
  interpretsId: number | null;
  isMajor: boolean;
  formedOn: string;
  dueOn: string;
  periodOverrideDays: number | null;
  periodOverrideBasis: string | null;
  reviewRound: number;
  secrecy: {
    signedBy: number;
    signedName: string;
    signedAt: string;
    note: string | null;
    hits: SecrecyHit[];
  } | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Attachment {
  id: number;
  publicationId: number;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  storageKey: string;
  hasText: boolean;
  /** 'read' | 'truncated' | a TextProblem (documents/read-text.ts); null: uploaded before attachments were read. */
  textStatus: string | null;
}

export function toPublication(r: Selectable<DB['publications']>): Publication {
  return {
    id: toNumber(r.id),
    agencyId: toNumber(r.agency_id),
    officeId: r.office_id == null ? null : toNumber(r.office_id),
    categoryId: toNumber(r.category_id),
    status: r.status as Publication['status'],
    attribute: r.attribute as Publication['attribute'],
    withholdGrounds: parseJson<WithholdGround[]>(r.withhold_grounds, []),
    indexNo: r.index_no,
    title: r.title,
    docNo: r.doc_no,
    issuer: r.issuer,
    writtenOn: r.written_on,
    publishedOn: r.published_on,
    topic: r.topic,
    genre: r.genre,
    validity: r.validity as Publication['validity'],
    repealedOn: r.repealed_on,
    repealedById: r.repealed_by_id == null ? null : toNumber(r.repealed_by_id),
    repealedByTitle: r.repealed_by_title,
    keywords: r.keywords,
    bodyHtml: r.body_html,
    bodyText: r.body_text,
    docKind: r.doc_kind as Publication['docKind'],
    interpretsId: r.interprets_id == null ? null : toNumber(r.interprets_id),
    isMajor: toBool(r.is_major),
    formedOn: r.formed_on,
    dueOn: r.due_on,
    periodOverrideDays: r.period_override_days == null ? null : toNumber(r.period_override_days),
    periodOverrideBasis: r.period_override_basis,
    reviewRound: toNumber(r.review_round),
    secrecy:
      r.secrecy_signed_by == null
        ? null
        : {
            signedBy: toNumber(r.secrecy_signed_by),
            // The sign-off writes the four secrecy columns together: name and time are set whenever signed_by is.
            signedName: r.secrecy_signed_name ?? '',
            signedAt: r.secrecy_signed_at ?? '',
            note: r.secrecy_note,
            hits: parseJson<SecrecyHit[]>(r.secrecy_hits_json, []),
          },
    createdBy: toNumber(r.created_by),
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: toNumber(r.version),
  };
}

export async function findPublication(db: DbOrTrx, id: number): Promise<Publication | undefined> {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const r = await db.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPublication(r) : undefined;
}

export async function getPublication(db: DbOrTrx, id: number): Promise<Publication> {
  const p = await findPublication(db, id);
  if (!p) throw new NotFoundError('未找到该条政府信息');
  return p;
}

/** Whether an item may be seen by the public: published and 主动公开. The one definition of "public". */
export function isPublic(p: Pick<Publication, 'status' | 'attribute'>): boolean {
  return p.status === 'published' && p.attribute === 'proactive';
}

/** The public item or undefined (drafts, withdrawn, 依申请/不予公开 items all look absent). */
export async function findPublicPublication(
  db: DbOrTrx,
  agencyId: number,
  id: number,
): Promise<Publication | undefined> {
  const p = await findPublication(db, id);
  return p && p.agencyId === agencyId && isPublic(p) ? p : undefined;
}

/** The public 政策解读 of an item (published, 主动公开 items whose `interprets_id` names it). */
export async function listPublicInterpretations(
  db: DbOrTrx,
  id: number,
): Promise<{ id: number; title: string }[]> {
  const rows = await db
    .selectFrom('publications')
    .select(['id', 'title'])
    .where('interprets_id', '=', id)
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive')
    .execute();
  return rows.map((r) => ({ id: toNumber(r.id), title: r.title }));
}

export interface PublicListQuery {
  agencyId: number;
  categoryIds?: number[];
  year?: number | null;
  validity?: Validity | null;
  limit: number;
  offset: number;
}

/** Public items, newest first (the portal's lists, feeds and sitemap). */
export async function listPublicPublications(
  db: DbOrTrx,
  q: PublicListQuery,
): Promise<{ total: number; items: Publication[] }> {
  let base = db
    .selectFrom('publications')
    .where('agency_id', '=', q.agencyId)
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive');
  if (q.categoryIds?.length) base = base.where('category_id', 'in', q.categoryIds);
  if (q.year)
    base = base.where('published_on', '>=', `${q.year}-01-01`).where('published_on', '<=', `${q.year}-12-31`);
  if (q.validity) base = base.where('validity', '=', q.validity);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
    base
      .selectAll()
      .orderBy('published_on', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  return { total: toNumber(count?.n), items: rows.map(toPublication) };
}

/** Ids and dates of every public item (sitemap). */
export async function listPublicIds(
  db: DbOrTrx,
  agencyId: number,
  limit = 50_000,
): Promise<{ id: number; updatedAt: string }[]> {
  const rows = await db
    .selectFrom('publications')
    .select(['id', 'updated_at'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: toNumber(r.id), updatedAt: r.updated_at }));
}

export interface OfficeListQuery {
  agencyId: number;
  status?: PublicationStatus | null;
  officeId?: number | null;
  /** Published in this year / month (YYYY / YYYY-MM): the dashboard's charts link here. */
  publishedYear?: number | null;
  publishedMonth?: string | null;
  /** The category and every category below it. */
  categoryIds?: number[] | null;
  timeliness?: 'on_time' | 'late' | null;
  /** Put out through this channel (publication_channels). */
  channel?: string | null;
  limit: number;
  offset: number;
}

/** Items of an agency for the back office (every state). */
export async function listOfficePublications(
  db: DbOrTrx,
  q: OfficeListQuery,
): Promise<{ total: number; items: Publication[] }> {
  let base = db.selectFrom('publications').where('agency_id', '=', q.agencyId);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.officeId) base = base.where('office_id', '=', q.officeId);
  const period = q.publishedMonth
    ? [`${q.publishedMonth}-01`, `${q.publishedMonth}-31`]
    : q.publishedYear
      ? [`${q.publishedYear}-01-01`, `${q.publishedYear}-12-31`]
      : null;
  if (period) base = base.where('published_on', '>=', period[0]).where('published_on', '<=', period[1]);
  if (q.categoryIds?.length) base = base.where('category_id', 'in', q.categoryIds);
  if (q.timeliness === 'late') base = base.where((eb) => eb('published_on', '>', eb.ref('due_on')));
  if (q.timeliness === 'on_time') base = base.where((eb) => eb('published_on', '<=', eb.ref('due_on')));
  if (q.channel) {
    const channel = q.channel;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('publication_channels as pc')
          .select('pc.id')
          .whereRef('pc.publication_id', '=', 'publications.id')
          .where('pc.channel', '=', channel),
      ),
    );
  }
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
    base
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  return { total: toNumber(count?.n), items: rows.map(toPublication) };
}

/** Items not yet published whose 20-working-day period ends on or before `until` (due soon or overdue). */
export async function listDueUnpublished(
  db: DbOrTrx,
  agencyId: number | null,
  until: string,
): Promise<Publication[]> {
  let q = db
    .selectFrom('publications')
    .selectAll()
    .where('status', 'in', ['draft', 'in_review', 'returned', 'approved'])
    .where('attribute', '=', 'proactive')
    .where('due_on', '<=', until);
  if (agencyId != null) q = q.where('agency_id', '=', agencyId);
  return (await q.orderBy('due_on').orderBy('id').execute()).map(toPublication);
}

/** An attachment row as listed: its columns without the extracted text, plus whether there is any. */
type AttachmentRow = Omit<Selectable<DB['publication_attachments']>, 'text' | 'created_at'> & {
  has_text?: number | boolean | null;
};

export function toAttachment(r: AttachmentRow): Attachment {
  return {
    id: toNumber(r.id),
    publicationId: toNumber(r.publication_id),
    fileName: r.file_name,
    mime: r.mime,
    size: toNumber(r.size),
    sha256: r.sha256,
    storageKey: r.storage_key,
    hasText: r.has_text != null ? toBool(r.has_text) : false,
    textStatus: r.text_status ?? null,
  };
}

export async function listAttachments(db: DbOrTrx, publicationId: number): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('publication_attachments')
    .select([
      'id',
      'publication_id',
      'file_name',
      'mime',
      'size',
      'sha256',
      'storage_key',
      'text_status',
      sql<number>`case when text is null then 0 else 1 end`.as('has_text'),
    ])
    .where('publication_id', '=', publicationId)
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

/** Each attachment's read text and reading status (for the secrecy scan). */
export async function attachmentTexts(
  db: DbOrTrx,
  publicationId: number,
): Promise<{ id: number; fileName: string; mime: string; text: string | null; textStatus: string | null }[]> {
  const rows = await db
    .selectFrom('publication_attachments')
    .select(['id', 'file_name', 'mime', 'text', 'text_status'])
    .where('publication_id', '=', publicationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    fileName: r.file_name,
    mime: r.mime,
    text: r.text,
    textStatus: r.text_status,
  }));
}

/** Extracted text of an item's attachments (for the search index). */
export async function attachmentsText(db: DbOrTrx, publicationId: number): Promise<string> {
  const rows = await db
    .selectFrom('publication_attachments')
    .select(['file_name', 'text'])
    .where('publication_id', '=', publicationId)
    .execute();
  return rows.map((r) => `${r.file_name}\n${r.text ?? ''}`).join('\n');
}

export async function listReviews(db: DbOrTrx, publicationId: number): Promise<ReviewRecord[]> {
  const rows = await db
    .selectFrom('publication_reviews')
    .selectAll()
    .where('publication_id', '=', publicationId)
    .orderBy('id')
    .execute();
  return rows.map(toReviewRecord);
}

/** A publication_reviews row → the domain's review record. */
export function toReviewRecord(r: Selectable<DB['publication_reviews']>): ReviewRecord {
  return {
    round: toNumber(r.round),
    step: r.step as ReviewStep,
    action: r.action as 'approve' | 'return',
    userId: toNumber(r.user_id),
    userName: r.user_name,
    reason: r.reason,
    signedAt: r.signed_at,
  };
}

export interface ChannelUse {
  channel: string;
  usedAt: string;
  usedOn: string;
  userName: string;
  note: string | null;
  link: string | null;
}

export async function listChannelUses(db: DbOrTrx, publicationId: number): Promise<ChannelUse[]> {
  const rows = await db
    .selectFrom('publication_channels')
    .selectAll()
    .where('publication_id', '=', publicationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    channel: r.channel,
    usedAt: r.used_at,
    usedOn: r.used_on,
    userName: r.user_name,
    note: r.note,
    link: r.link ?? null,
  }));
}

// --- catalogue ---------------------------------------------------------------------------------------------------

export function toCategory(r: Selectable<DB['pub_categories']>): Category {
  return {
    id: toNumber(r.id),
    agencyId: toNumber(r.agency_id),
    parentId: r.parent_id == null ? null : toNumber(r.parent_id),
    code: r.code,
    name: r.name,
    sortOrder: toNumber(r.sort_order),
    isStatutory: toBool(r.is_statutory),
    isActive: toBool(r.is_active),
    version: toNumber(r.version),
  };
}

export async function listCategories(db: DbOrTrx, agencyId: number): Promise<Category[]> {
  const rows = await db
    .selectFrom('pub_categories')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map(toCategory);
}

/** The categories of several agencies, each agency's in the order of listCategories. */
export async function listCategoriesOf(
  db: DbOrTrx,
  agencyIds: readonly number[],
): Promise<Map<number, Category[]>> {
  const out = new Map<number, Category[]>();
  if (!agencyIds.length) return out;
  const rows = await db
    .selectFrom('pub_categories')
    .selectAll()
    .where('agency_id', 'in', [...agencyIds])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  for (const c of rows.map(toCategory)) {
    const list = out.get(c.agencyId) ?? [];
    list.push(c);
    out.set(c.agencyId, list);
  }
  return out;
}

export async function getCategory(db: DbOrTrx, id: number): Promise<Category> {
  const r = await db.selectFrom('pub_categories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('未找到该栏目');
  return toCategory(r);
}

export async function findCategoryByCode(
  db: DbOrTrx,
  agencyId: number,
  code: string,
): Promise<Category | undefined> {
  const r = await db
    .selectFrom('pub_categories')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('code', '=', code)
    .executeTakeFirst();
  return r ? toCategory(r) : undefined;
}

/** Public item counts per category (for the catalogue page). */
export async function publicCountsByCategory(db: DbOrTrx, agencyId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('publications')
    .select(['category_id', (eb) => eb.fn.countAll().as('n')])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive')
    .groupBy('category_id')
    .execute();
  return new Map(rows.map((r) => [toNumber(r.category_id), toNumber(r.n)]));
}

// --- settings ----------------------------------------------------------------------------------------------------

/** Default 索引号 format: agency code / year - five-digit serial, e.g. 630223-HLZG/2025-00012. */
export const DEFAULT_INDEX_FORMAT = '{code}/{year}-{serial:5}';

const ReviewChainSchema = z.object({
  steps: z.array(z.object({ step: z.enum(REVIEW_STEPS), role: z.string() })).min(1),
  principalWhen: z.enum(['major', 'always']),
}) as unknown as z.ZodType<ReviewChainConfig>;

export const REVIEW_CHAIN_SETTING = defineSetting(
  'publications.review_chain',
  ReviewChainSchema,
  DEFAULT_REVIEW_CHAIN,
);
export const INDEX_FORMAT_SETTING = defineSetting(
  'publications.index_format',
  z.string().min(1),
  DEFAULT_INDEX_FORMAT,
);

export async function reviewChainOf(db: DbOrTrx, agencyId: number): Promise<ReviewChainConfig> {
  return readSetting(db, agencyId, REVIEW_CHAIN_SETTING);
}

export async function indexFormatOf(db: DbOrTrx, agencyId: number): Promise<string> {
  return readSetting(db, agencyId, INDEX_FORMAT_SETTING);
}

// --- portal pages ------------------------------------------------------------------------------------------------

export interface PortalPage {
  slug: string;
  title: string;
  bodyHtml: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export async function findPortalPage(
  db: DbOrTrx,
  agencyId: number,
  slug: string,
): Promise<PortalPage | undefined> {
  const r = await db
    .selectFrom('portal_pages')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return r
    ? {
        slug: r.slug,
        title: r.title,
        bodyHtml: r.body_html,
        version: toNumber(r.version),
        updatedBy: r.updated_by,
        updatedAt: r.updated_at,
      }
    : undefined;
}
