/**
 * Per-agency settings of 依申请公开, with their defaults and interpretations (disclosure-rules.md §9). Stored as
 * one JSON value under the key `requests` (src/settings/agency-settings.ts); missing keys take the defaults below.
 */
import { defineSetting, readSetting } from '../settings/agency-settings.ts';
import { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import { type Outcome } from './request.ts';
import { B_ROWS } from '../annual-report/index.ts';

export const SETTINGS_KEY = 'requests';

/** Table B result rows an outcome may be mapped to. */
export const RESULT_ROWS = B_ROWS.filter((r) => r.startsWith('result.') && r !== 'result.total');

/** disclosure-rules.md §7 default mapping (interpretation): outcome code → Table B row. */
export const DEFAULT_OUTCOME_ROW_MAP: Record<Outcome, string> = {
  already_public: 'result.granted',
  disclosed: 'result.granted',
  partially_disclosed: 'result.partially_granted',
  withheld_state_secret: 'result.withheld.state_secret',
  withheld_prohibited_by_law: 'result.withheld.prohibited_by_law',
  withheld_security_stability: 'result.withheld.security_stability',
  withheld_third_party: 'result.withheld.third_party_rights',
  withheld_internal_affairs: 'result.withheld.internal_affairs',
  withheld_process_info: 'result.withheld.process_info',
  withheld_enforcement_file: 'result.withheld.enforcement_file',
  special_access_law: 'result.withheld.admin_query',
  not_exist: 'result.unable.not_held',
  not_this_agency: 'result.unable.not_held',
  needs_processing: 'result.unable.needs_creation',
  unclear_after_correction: 'result.unable.unclear_after_correction',
  petition_complaint: 'result.not_processed.petition_complaint',
  repeated: 'result.not_processed.repeated',
  publication: 'result.not_processed.publication',
  excessive_unreasonable: 'result.not_processed.mass_repetitive',
  confirm_or_reissue: 'result.not_processed.confirm_or_reissue',
  abandoned_no_correction: 'result.other.no_correction',
  abandoned_fee_unpaid: 'result.other.fee_unpaid',
  withdrawn: 'result.other.other',
  other: 'result.other.other',
};

export const RequestSettingsSchema = z.object({
  /** Reference format: {简称} {年} {号}. */
  referenceFormat: z.string().min(3).max(60).default('{简称}政依申〔{年}〕第{号}号'),
  /** 文号 of letters (serial per year): {简称} {年} {号}. */
  letterNoFormat: z.string().min(3).max(60).default('{简称}政信公开〔{年}〕{号}号'),
  /** Due-soon alerts, working days before the due date. */
  alertDays: z.array(z.number().int().min(1).max(20)).min(1).max(5).default([5, 3, 1]),
  /**
   * §9 fee_pauses_reply_clock: default ON. The 办法 makes the applicant's payment window 20 working days from the
   * day after receipt of the notice; with no pause the reply could fall due while the applicant may still pay, leaving
   * the agency no lawful move but to go overdue (docs/requests.md, 信息处理费).
   */
  feePausesReplyClock: z.boolean().default(true),
  /** 第三十二条: working days the disclosure waits after the 决定公开告知书 reaches the third party (interpretation). */
  thirdPartyWaitDays: z.number().int().min(1).max(60).default(15),
  /** 第三十五条: working days the applicant has to state reasons, from receipt of the 说明理由告知书 (interpretation). */
  reasonsPeriodDays: z.number().int().min(1).max(60).default(10),
  /** 第四十一条: working days to decide a 更正 request (the 条例 sets none; interpretation: as 第三十三条). */
  recordCorrectionDays: z.number().int().min(1).max(60).default(20),
  /** §9 online_auto_confirmation: the portal's automatic acknowledgement counts as 双方确认. Default no. */
  onlineAutoConfirmation: z.boolean().default(false),
  /** 复议机关 (行政复议法(2023)第二十四条): for a township, the county government. Empty: the parent agency. */
  reconsiderationBody: z.string().max(60).default(''),
  /** The §7 mapping, overridable per outcome. */
  outcomeRowMap: z.record(z.string(), z.string()).default({}),
  /** Default 补正 period in working days, printed on the 补正告知书 (§3.3). */
  correctionPeriodDays: z.number().int().min(1).max(60).default(10),
  // The SMS quiet hours are the notifications' (`notifications.delivery`), one setting for every text message.
});
export type RequestSettings = z.infer<typeof RequestSettingsSchema>;

export const DEFAULT_SETTINGS: RequestSettings = RequestSettingsSchema.parse({});

/** Stored as one JSON value; missing keys take the schema's defaults. */
export const REQUEST_SETTINGS = defineSetting(SETTINGS_KEY, RequestSettingsSchema, DEFAULT_SETTINGS);

/** The due-soon horizon in working days: a request with at most this many left is 即将到期 (default 5). */
export const dueSoonDays = (s: Pick<RequestSettings, 'alertDays'>) => Math.max(...s.alertDays);

/** The agency's settings merged over the defaults. */
export async function getRequestSettings(db: DbOrTrx, agencyId: number): Promise<RequestSettings> {
  return readSetting(db, agencyId, REQUEST_SETTINGS);
}

/** The Table B row of an outcome under the agency's mapping (default §7; interpretation). */
export function reportRowOf(settings: Pick<RequestSettings, 'outcomeRowMap'>, outcome: Outcome): string {
  const row = settings.outcomeRowMap[outcome] ?? DEFAULT_OUTCOME_ROW_MAP[outcome];
  if (!(RESULT_ROWS as string[]).includes(row)) return DEFAULT_OUTCOME_ROW_MAP[outcome];
  return row;
}

/** Fill a number format: {简称} the agency's short name, {年} the year, {号} the serial. */
export function formatNumber(format: string, v: { shortName: string; year: number; serial: number }): string {
  return format
    .replaceAll('{简称}', v.shortName)
    .replaceAll('{年}', String(v.year))
    .replaceAll('{号}', String(v.serial));
}
