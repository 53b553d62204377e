/**
 * Every migration, in order. Names are dated (YYYY_MM_DD_HHMM_verb_object) and files are frozen once landed:
 * a feature adds its own file, sorting after every landed one, and one line here. `manifest.json` holds the hash of
 * every landed file; `migrations.test.ts` fails when one changes or a new one sorts before the last landed one.
 */
import type { Migration } from 'kysely';
import * as m0001 from './2026_11_25_0001_create_foundation.ts';
import * as m0002 from './2026_11_25_0002_protect_audit_events.ts';
import * as m0003 from './2026_11_25_0003_index_audit_agency.ts';
import * as m1000 from './2026_11_25_1000_create_requests.ts';
import * as m1001 from './2026_11_25_1001_index_requests_report.ts';
import * as m1100 from './2026_11_25_1100_create_publications.ts';
import * as m1101 from './2026_11_25_1101_index_report_sources.ts';
import * as m1200 from './2026_11_25_1200_create_annual_reports.ts';
import * as m1300 from './2026_11_25_1300_create_report_check_uploads.ts';
import * as m20261201_0900 from './2026_12_01_0900_repair_upgrade_indexes.ts';
import * as m11_1100 from './2026_12_01_1100_request_procedure.ts';
import * as m151500 from './2026_12_01_1500_create_supervision.ts';
import * as m20261201_1600 from './2026_12_01_1600_create_inquiries.ts';
import * as m20261201_1400 from './2026_12_01_1400_create_villages.ts';
import * as m20261201_1401 from './2026_12_01_1401_index_village_periods.ts';
import * as m20261201_1900 from './2026_12_01_1900_create_citizen_submissions.ts';
import * as m20261201_1901 from './2026_12_01_1901_retire_empty_budget_column.ts';
import * as m20261201_2200 from './2026_12_01_2200_create_stored_files.ts';
import * as m20261201_2330 from './2026_12_01_2330_create_password_history.ts';
import * as m20261201_1700 from './2026_12_01_1700_route_waiting_work.ts';
import * as m20261201_1800 from './2026_12_01_1800_attachment_text_and_channel_link.ts';
import * as m20261202_0400 from './2026_12_02_0400_supervision_permission_to_role.ts';
import * as m20261202_0600 from './2026_12_02_0600_merge_quiet_hours.ts';
import * as m20261202_0800 from './2026_12_02_0800_index_village_item_heads.ts';
import * as m20261203_0600 from './2026_12_03_0600_request_month_summary.ts';
import * as m20261205_0200 from './2026_12_05_0200_problem_village.ts';
import * as m20261207_0100 from './2026_12_07_0100_search_agency_lexemes.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_25_0001_create_foundation': m0001,
  '2026_11_25_0002_protect_audit_events': m0002,
  '2026_11_25_0003_index_audit_agency': m0003,
  '2026_11_25_1000_create_requests': m1000,
  '2026_11_25_1001_index_requests_report': m1001,
  '2026_11_25_1100_create_publications': m1100,
  '2026_11_25_1101_index_report_sources': m1101,
  '2026_11_25_1200_create_annual_reports': m1200,
  '2026_11_25_1300_create_report_check_uploads': m1300,
  '2026_12_01_0900_repair_upgrade_indexes': m20261201_0900,
  '2026_12_01_1100_request_procedure': m11_1100,
  '2026_12_01_1500_create_supervision': m151500,
  '2026_12_01_1600_create_inquiries': m20261201_1600,
  '2026_12_01_1400_create_villages': m20261201_1400,
  '2026_12_01_1401_index_village_periods': m20261201_1401,
  '2026_12_01_1900_create_citizen_submissions': m20261201_1900,
  '2026_12_01_1901_retire_empty_budget_column': m20261201_1901,
  '2026_12_01_2200_create_stored_files': m20261201_2200,
  '2026_12_01_2330_create_password_history': m20261201_2330,
  '2026_12_01_1700_route_waiting_work': m20261201_1700,
  '2026_12_01_1800_attachment_text_and_channel_link': m20261201_1800,
  '2026_12_02_0400_supervision_permission_to_role': m20261202_0400,
  '2026_12_02_0600_merge_quiet_hours': m20261202_0600,
  '2026_12_02_0800_index_village_item_heads': m20261202_0800,
  '2026_12_03_0600_request_month_summary': m20261203_0600,
  '2026_12_05_0200_problem_village': m20261205_0200,
  '2026_12_07_0100_search_agency_lexemes': m20261207_0100,
};
