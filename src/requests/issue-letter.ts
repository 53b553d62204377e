/**
 * Issue a letter inside the transaction of the step that causes it: take the next 文号 of the agency's year, fill
 * the agency's template (or the shipped one), freeze the text, audit. Relief wording is appended to replies.
 */
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { nowIso } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Agency } from '../org/org.ts';
import type { InfoRequest } from './request.ts';
import { formatNumber, type RequestSettings } from './settings.ts';
import { nextSerial } from '../serials/next-serial.ts';
import {
  DEFAULT_TEMPLATES,
  LETTER_KIND_LABELS,
  REPLY_KINDS,
  fillTemplate,
  reliefWording,
  requestVars,
  type LetterKind,
  type LetterTemplate,
  type LetterVars,
} from './letters.ts';

/** The agency's template of a kind (its own edit, else the shipped default). */
export async function templateOf(
  db: Trx | Ctx['db'],
  agencyId: number,
  kind: LetterKind,
): Promise<LetterTemplate> {
  const row = await db
    .selectFrom('request_letter_templates')
    .select(['title', 'body'])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ?? DEFAULT_TEMPLATES[kind];
}

/** The 复议机关 printed in replies: the setting, else the parent agency (a township's county government). */
export async function reconsiderationBody(trx: Trx | Ctx['db'], agency: Agency, settings: RequestSettings) {
  if (settings.reconsiderationBody) return settings.reconsiderationBody;
  if (agency.parentId != null) {
    const p = await trx
      .selectFrom('agencies')
      .select('name')
      .where('id', '=', agency.parentId)
      .executeTakeFirst();
    if (p) return p.name;
  }
  return '上一级人民政府';
}

export interface IssueLetterInput {
  kind: LetterKind;
  /** Extra placeholder values for this letter. */
  vars?: LetterVars;
  /** Addressee, when not the applicant (a consulted third party). */
  addressee?: string;
  forApplicant?: boolean;
}

/** Issue a letter about a request (its state as written in this transaction). Returns the letter id. */
export async function issueLetter(
  trx: Trx,
  ctx: Ctx,
  r: InfoRequest,
  agency: Agency,
  settings: RequestSettings,
  input: IssueLetterInput,
): Promise<number> {
  const today = ctx.clock.today();
  const year = Number(today.slice(0, 4));
  const serial = await nextSerial(trx, `request_letter:${agency.id}:${year}`);
  const docNo = formatNumber(settings.letterNoFormat, { shortName: agency.shortName, year, serial });
  const template = await templateOf(trx, agency.id, input.kind);
  const filled = fillTemplate(template, { ...requestVars(r, agency.name), ...(input.vars ?? {}) });
  if (REPLY_KINDS.includes(input.kind) && r.outcome) {
    filled.paragraphs.push(
      reliefWording(r.outcome, settings, await reconsiderationBody(trx, agency, settings)),
    );
  }
  const addressee = input.addressee ?? r.applicantName;
  const row = await trx
    .insertInto('request_letters')
    .values({
      request_id: r.id,
      kind: input.kind,
      doc_no: docNo,
      title: filled.title,
      addressee,
      body_json: JSON.stringify(filled.paragraphs),
      issued_on: today,
      for_applicant: input.forApplicant === false ? 0 : 1,
      created_by_name:
        ctx.actor.kind === 'user' ? ctx.actor.name : ctx.actor.kind === 'system' ? ctx.actor.name : '系统',
      created_at: nowIso(ctx.clock.now()),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(trx, ctx, {
    action: 'request.letter_issued',
    objectType: 'info_request',
    objectId: r.id,
    agencyId: agency.id,
    after: { letterId: row.id, kind: input.kind, docNo },
    note: `${LETTER_KIND_LABELS[input.kind]} ${docNo}`,
  });
  return row.id;
}
