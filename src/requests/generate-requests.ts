/**
 * Synthetic requests written straight into the table (tests of the Table B/C computation and the benchmark):
 * a deterministic mix of applicant kinds, outcomes and open requests across a year boundary. Every row is
 * consistent (received ≤ closed, one outcome and its default Table B row per closed request). Not demo data.
 */
import type { Db } from '../db/database.ts';
import { nowIso } from '../db/values.ts';
import { APPLICANT_KINDS, DECIDABLE_OUTCOMES, type Outcome } from './request.ts';
import { DEFAULT_OUTCOME_ROW_MAP } from './settings.ts';
import { rebuildRequestSummary } from './request-summary.ts';
import { addDays } from '../calendar/dates.ts';

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLOSING: Outcome[] = [
  ...DECIDABLE_OUTCOMES,
  'abandoned_no_correction',
  'abandoned_fee_unpaid',
  'withdrawn',
];

/**
 * Insert `count` requests received between 1 December of year−1 and 31 December of `year`; about one in eight
 * stays open. Returns the number inserted.
 */
export async function generateRequests(
  db: Db,
  agencyId: number,
  year: number,
  count: number,
  seed = 1,
): Promise<number> {
  const rand = rng(seed);
  const start = `${year - 1}-12-01`;
  const days = 396;
  const now = nowIso();
  const base = await db
    .selectFrom('info_requests')
    .select((eb) => eb.fn.max('ref_serial').as('m'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  let serial = Number(base?.m ?? 0);
  const batch: Parameters<ReturnType<Db['insertInto']>['values']>[0][] = [];
  const flush = async () => {
    if (!batch.length) return;
    await db
      .insertInto('info_requests')
      .values(batch.splice(0) as never)
      .execute();
  };
  for (let i = 0; i < count; i++) {
    const received = addDays(start, Math.floor(rand() * days));
    const kind = rand() < 0.7 ? 'natural_person' : APPLICANT_KINDS[1 + Math.floor(rand() * 5)]!;
    const open = rand() < 0.125;
    const outcome = open ? null : CLOSING[Math.floor(rand() * CLOSING.length)]!;
    const closed = open ? null : addDays(received, Math.floor(rand() * 40));
    const due = addDays(received, 28);
    serial++;
    batch.push({
      agency_id: agencyId,
      ref_year: Number(received.slice(0, 4)),
      ref_serial: serial,
      reference: `生成〔${received.slice(0, 4)}〕第${serial}号`,
      tracking_code: `T${serial}`,
      status: open ? 'accepted' : 'archived',
      channel: rand() < 0.5 ? 'online' : 'in_person',
      submitted_on: received,
      received_on: received,
      receipt_evidence: null,
      filled_on_behalf: 0,
      applicant_kind: kind,
      applicant_name: `申请人${serial}`,
      id_type: 'other',
      id_number: `G${serial}`,
      applicant_key: `G${serial % 5000}`,
      phone: null,
      email: null,
      address: '（生成数据）',
      info_description: `生成的申请内容 ${serial}`,
      info_doc_no: null,
      form_requested: 'paper',
      delivery_requested: 'post',
      needs_assistance: 0,
      assistance_note: null,
      office_id: null,
      handler_id: null,
      due_on: due,
      original_due_on: due,
      due_provisional: 0,
      correction_notice_due_on: null,
      calendar_version: null,
      fee_method: 'none',
      fee_amount: 0,
      fee_paid_amount: 0,
      outcome,
      report_row: outcome ? DEFAULT_OUTCOME_ROW_MAP[outcome] : null,
      closed_on: closed,
      approved_at: outcome && DECIDABLE_OUTCOMES.includes(outcome) ? now : null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    if (batch.length >= 200) await flush();
  }
  await flush();
  // Rows written directly: the agency's per-month summary is recounted from them.
  await rebuildRequestSummary(db, new Date(), { agencyIds: [agencyId] });
  return count;
}
