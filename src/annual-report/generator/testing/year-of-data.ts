/**
 * A year of records for tests (and the expected cells, counted by hand): requests with every outcome of table B,
 * carry-over in and out of the year, fee notices, and 复议/诉讼 cases. Rows are written directly (a factory),
 * with unique references, so the expected cells do not depend on any use case under test.
 */
import type { Db } from '../../../db/database.ts';
import type { Ctx } from '../../../context.ts';
import { B_ROWS, type CellAddress } from '../../report-format.ts';
import { ensureCatalogue } from '../../../publications/index.ts';
import { findCategoryByCode } from '../../../publications/index.ts';
import { recordDecision, recordFee } from '../../../publications/index.ts';

let serial = 0;

interface RequestSpec {
  kind: string;
  received: string | null;
  closed?: string | null;
  row?: string | null;
  feeNotice?: { on: string; amount: number; paidOn?: string; paid?: number };
}

/** Insert one request row with what table B, C and section 六 read. */
export async function insertRequest(db: Db, agencyId: number, s: RequestSpec): Promise<number> {
  serial++;
  const year = Number((s.received ?? '2026-01-01').slice(0, 4));
  const now = new Date().toISOString();
  const r = await db
    .insertInto('info_requests')
    .values({
      agency_id: agencyId,
      ref_year: year,
      ref_serial: 100000 + serial,
      reference: `测试〔${year}〕${100000 + serial}号`,
      tracking_code: `T${serial}${Math.random().toString(36).slice(2, 8)}`,
      status: s.closed ? 'archived' : s.received ? 'accepted' : 'pending_confirmation',
      channel: 'in_person',
      submitted_on: s.received ?? '2026-06-01',
      received_on: s.received,
      applicant_kind: s.kind,
      applicant_name: `申请人${serial}`,
      id_type: 'resident_id',
      id_number: `6302${String(serial).padStart(14, '0')}`,
      applicant_key: `key${serial}`,
      info_description: '测试申请',
      form_requested: 'paper',
      delivery_requested: 'pickup',
      outcome: s.row ? 'other' : null,
      report_row: s.row ?? null,
      closed_on: s.closed ?? null,
      approved_at: s.closed ? `${s.closed}T08:00:00.000Z` : null,
      due_on: s.received ? `${s.received.slice(0, 4)}-12-31` : null,
      fee_amount: s.feeNotice?.amount ?? 0,
      fee_notice_on: s.feeNotice?.on ?? null,
      fee_paid_on: s.feeNotice?.paidOn ?? null,
      fee_paid_amount: s.feeNotice?.paid ?? 0,
      filled_on_behalf: 0,
      needs_assistance: 0,
      due_provisional: 0,
      fee_method: s.feeNotice ? 'per_request' : 'none',
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertAppeal(
  db: Db,
  agencyId: number,
  s: { kind: string; filed: string; result: string; concluded?: string },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('request_appeals')
    .values({
      agency_id: agencyId,
      kind: s.kind,
      filed_on: s.filed,
      body: '测试复议机关',
      result: s.result,
      concluded_on: s.concluded ?? null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Leaf rows of （一）–（六）: where a closed request is counted. */
export const RESULT_LEAVES = B_ROWS.filter((r) => r.startsWith('result.') && r !== 'result.total');

/**
 * Insert 2026 (with its 2025 and 2027 edges) for an agency and return the table B/C cells and fees counted by hand.
 * Cells not listed are 0.
 */
export async function insertYearOfRequests(db: Db, agencyId: number) {
  // Closed in 2025: in no 2026 cell.
  await insertRequest(db, agencyId, {
    kind: 'natural_person',
    received: '2025-06-01',
    closed: '2025-06-20',
    row: 'result.granted',
  });
  // Carried over from 2025, closed in 2026.
  await insertRequest(db, agencyId, {
    kind: 'natural_person',
    received: '2025-12-20',
    closed: '2026-01-10',
    row: 'result.granted',
  });
  await insertRequest(db, agencyId, {
    kind: 'commercial_enterprise',
    received: '2025-12-28',
    closed: '2026-01-20',
    row: 'result.unable.not_held',
  });
  // One natural person's request in every result row, received and closed in 2026.
  for (const row of RESULT_LEAVES) {
    await insertRequest(db, agencyId, {
      kind: 'natural_person',
      received: '2026-03-02',
      closed: '2026-03-20',
      row,
      ...(row === 'result.other.fee_unpaid' ? { feeNotice: { on: '2026-03-05', amount: 200 } } : {}),
      ...(row === 'result.granted'
        ? { feeNotice: { on: '2026-03-06', amount: 100, paidOn: '2026-03-12', paid: 100 } }
        : {}),
    });
  }
  await insertRequest(db, agencyId, {
    kind: 'research_institution',
    received: '2026-04-01',
    closed: '2026-04-15',
    row: 'result.granted',
  });
  await insertRequest(db, agencyId, {
    kind: 'legal_service_org',
    received: '2026-05-06',
    closed: '2026-05-20',
    row: 'result.partially_granted',
  });
  await insertRequest(db, agencyId, {
    kind: 'social_welfare_org',
    received: '2026-06-01',
    closed: '2026-06-19',
    row: 'result.withheld.third_party_rights',
  });
  await insertRequest(db, agencyId, {
    kind: 'other_org',
    received: '2026-07-01',
    closed: '2026-07-10',
    row: 'result.other.other',
  });
  // Carried forward into 2027: still open, and closed only in 2027.
  await insertRequest(db, agencyId, { kind: 'natural_person', received: '2026-12-20' });
  await insertRequest(db, agencyId, {
    kind: 'commercial_enterprise',
    received: '2026-12-15',
    closed: '2027-01-05',
    row: 'result.granted',
  });
  // Not yet received (awaiting confirmation of receipt, 条例第三十一条): in no cell.
  await insertRequest(db, agencyId, { kind: 'natural_person', received: null });

  await insertAppeal(db, agencyId, {
    kind: 'review',
    filed: '2025-10-01',
    result: 'upheld',
    concluded: '2025-12-01',
  });
  await insertAppeal(db, agencyId, {
    kind: 'review',
    filed: '2026-02-01',
    result: 'upheld',
    concluded: '2026-05-01',
  });
  await insertAppeal(db, agencyId, { kind: 'review', filed: '2026-11-01', result: 'pending' });
  await insertAppeal(db, agencyId, {
    kind: 'litigation_direct',
    filed: '2026-03-01',
    result: 'corrected',
    concluded: '2026-08-01',
  });
  await insertAppeal(db, agencyId, {
    kind: 'litigation_after_review',
    filed: '2026-09-01',
    result: 'other_result',
    concluded: '2027-02-01',
  });

  const expected: Partial<Record<CellAddress, number>> = {};
  const set = (a: string, v: number) => (expected[a as CellAddress] = v);
  // Row by row, by hand.
  set('B.new_received.natural_person', 22); // 21 result rows + the open one
  set('B.new_received.commercial_enterprise', 1);
  set('B.new_received.research_institution', 1);
  set('B.new_received.social_welfare_org', 1);
  set('B.new_received.legal_service_org', 1);
  set('B.new_received.other_org', 1);
  set('B.new_received.total', 27);
  set('B.carried_over.natural_person', 1);
  set('B.carried_over.commercial_enterprise', 1);
  set('B.carried_over.total', 2);
  for (const row of RESULT_LEAVES) set(`B.${row}.natural_person`, 1);
  set('B.result.granted.natural_person', 2);
  set('B.result.granted.research_institution', 1);
  set('B.result.granted.total', 3);
  set('B.result.partially_granted.legal_service_org', 1);
  set('B.result.partially_granted.total', 2);
  set('B.result.withheld.third_party_rights.social_welfare_org', 1);
  set('B.result.withheld.third_party_rights.total', 2);
  set('B.result.unable.not_held.commercial_enterprise', 1);
  set('B.result.unable.not_held.total', 2);
  set('B.result.other.other.other_org', 1);
  set('B.result.other.other.total', 2);
  for (const row of RESULT_LEAVES) {
    if (expected[`B.${row}.total` as CellAddress] === undefined) set(`B.${row}.total`, 1);
  }
  set('B.result.total.natural_person', 22);
  set('B.result.total.commercial_enterprise', 1);
  set('B.result.total.research_institution', 1);
  set('B.result.total.social_welfare_org', 1);
  set('B.result.total.legal_service_org', 1);
  set('B.result.total.other_org', 1);
  set('B.result.total.total', 27);
  set('B.carried_forward.natural_person', 1);
  set('B.carried_forward.commercial_enterprise', 1);
  set('B.carried_forward.total', 2);
  set('C.review.upheld', 1);
  set('C.review.pending', 1);
  set('C.review.total', 2);
  set('C.litigation_direct.corrected', 1);
  set('C.litigation_direct.total', 1);
  set('C.litigation_after_review.pending', 1);
  set('C.litigation_after_review.total', 1);
  const fees = { fee_notices_issued: 2, fee_amount_billed_yuan: 300, fee_amount_collected_yuan: 100 };
  return { expected, fees };
}

interface PublicationSpec {
  category: string;
  title: string;
  publishedOn: string;
  dueOn: string;
  docKind?: 'normative_documents';
  writtenOn?: string;
  repealedOn?: string;
  channels?: string[];
}

/** Insert one published proactive item (and the channels it went out on). */
export async function insertPublication(
  db: Db,
  agencyId: number,
  userId: number,
  s: PublicationSpec,
): Promise<number> {
  const cat = await findCategoryByCode(db, agencyId, s.category);
  if (!cat) throw new Error(`category ${s.category} missing`);
  const now = new Date().toISOString();
  const r = await db
    .insertInto('publications')
    .values({
      agency_id: agencyId,
      category_id: cat.id,
      status: 'published',
      attribute: 'proactive',
      title: s.title,
      issuer: '测试乡人民政府',
      written_on: s.writtenOn ?? null,
      published_on: s.publishedOn,
      validity: s.repealedOn ? 'repealed' : 'in_force',
      repealed_on: s.repealedOn ?? null,
      body_html: `<p>${s.title}</p>`,
      body_text: s.title,
      doc_kind: s.docKind ?? 'none',
      is_major: 0,
      formed_on: s.publishedOn,
      due_on: s.dueOn,
      review_round: 1,
      created_by: userId,
      created_by_name: '测试',
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const channel of s.channels ?? ['portal']) {
    await db
      .insertInto('publication_channels')
      .values({
        publication_id: r.id,
        agency_id: agencyId,
        channel,
        used_at: `${s.publishedOn}T02:00:00.000Z`,
        used_on: s.publishedOn,
        user_name: '测试',
      })
      .execute();
  }
  return r.id;
}

/**
 * Insert 2026's proactive disclosure (with a 2025 document) for an agency: 规范性文件, items in a category with their
 * channels, and the art. 20 registers through their use cases (`clerkCtx`: a clerk of the agency). Returns the
 * table A cells counted by hand and the facts the narrative quotes.
 */
export async function insertYearOfPublications(clerkCtx: Ctx, agencyId: number, userId: number) {
  const db = clerkCtx.db;
  await ensureCatalogue(clerkCtx, agencyId);
  // 规范性文件: one of 2025 repealed in 2026, two of 2026 in force.
  await insertPublication(db, agencyId, userId, {
    category: 'art20_1',
    title: '甲管理办法',
    docKind: 'normative_documents',
    writtenOn: '2025-05-01',
    publishedOn: '2025-05-06',
    dueOn: '2025-05-29',
    repealedOn: '2026-06-01',
  });
  await insertPublication(db, agencyId, userId, {
    category: 'art20_1',
    title: '乙管理办法',
    docKind: 'normative_documents',
    writtenOn: '2026-02-01',
    publishedOn: '2026-02-03',
    dueOn: '2026-03-02',
  });
  await insertPublication(db, agencyId, userId, {
    category: 'art20_1',
    title: '丙实施细则',
    docKind: 'normative_documents',
    writtenOn: '2026-03-01',
    publishedOn: '2026-03-03',
    dueOn: '2026-03-30',
    channels: ['portal', 'wechat_account'],
  });
  // Three notices, one published after its due date.
  await insertPublication(db, agencyId, userId, {
    category: 'art20_7',
    title: '2026年部门预算',
    publishedOn: '2026-02-10',
    dueOn: '2026-03-10',
    channels: ['portal', 'notice_board'],
  });
  await insertPublication(db, agencyId, userId, {
    category: 'art20_7',
    title: '2025年部门决算',
    publishedOn: '2026-08-20',
    dueOn: '2026-07-31',
  });
  await insertPublication(db, agencyId, userId, {
    category: 'art20_12',
    title: '防汛应急预案',
    publishedOn: '2026-05-06',
    dueOn: '2026-06-01',
    channels: ['portal', 'wechat_account'],
  });

  await recordDecision(clerkCtx, agencyId, { year: '2026', kind: 'administrative_licensing', count: '5' });
  await recordDecision(clerkCtx, agencyId, { year: '2026', kind: 'administrative_penalty', count: '2' });
  await recordDecision(clerkCtx, agencyId, { year: '2025', kind: 'administrative_penalty', count: '9' });
  await recordFee(clerkCtx, agencyId, { year: '2026', item: '证照工本费', amountWanYuan: '0.1234' });
  await recordFee(clerkCtx, agencyId, { year: '2026', item: '其他', amountWanYuan: '0.05' });

  const expected: Partial<Record<CellAddress, number>> = {
    'A.art20_1.regulations.issued': 0,
    'A.art20_1.regulations.repealed': 0,
    'A.art20_1.regulations.in_force': 0,
    'A.art20_1.normative_documents.issued': 2,
    'A.art20_1.normative_documents.repealed': 1,
    'A.art20_1.normative_documents.in_force': 2,
    'A.art20_5.administrative_licensing.decisions': 5,
    'A.art20_6.administrative_penalty.decisions': 2,
    'A.art20_6.administrative_coercion.decisions': 0,
    'A.art20_8.administrative_fees.amount_wan_yuan': 0.1734,
  };
  return { expected, published: 5, late: 1, portal: 5, wechat: 2, noticeBoard: 1 };
}
