/**
 * Table types of the whole database. Each feature declares its own tables in `<feature>/*.tables.ts`;
 * this file only composes them, so adding a feature adds one line here.
 */
import type { FoundationTables } from './foundation.tables.ts';
import type { RequestsTables } from '../requests/requests.tables.ts';
import type { PublicationsTables } from '../publications/publications.tables.ts';
import type { SearchTables } from '../search/search.tables.ts';
import type { AnnualReportTables } from '../annual-report/generator/report.tables.ts';
import type { ReportCheckTables } from '../annual-report/annual-report.tables.ts';
import type { SupervisionTables } from '../supervision/supervision.tables.ts';
import type { InquiriesTables } from '../inquiries/inquiries.tables.ts';
import type { VillagesTables } from '../villages/villages.tables.ts';
import type { HeldUploadsTables } from '../uploads/held-uploads.tables.ts';
import type { StorageTables } from '../storage/storage.tables.ts';

export interface DB
  extends
    FoundationTables,
    RequestsTables,
    PublicationsTables,
    SearchTables,
    AnnualReportTables,
    ReportCheckTables,
    SupervisionTables,
    InquiriesTables,
    VillagesTables,
    HeldUploadsTables,
    StorageTables {}
