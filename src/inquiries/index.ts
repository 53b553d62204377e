/** What other features may use of 互动交流 (import only through this file). */
export { threeMonthAlarms, type Alarm } from './send-inquiry-alerts.ts';
export { computeMonth, publishedFigures, type MonthFigures } from './figures.queries.ts';
export { monthlyFigures, type OfficeFigures } from './figures.ts';
export { INQUIRY_SEARCH_KIND, FAQ_SEARCH_KIND } from './publish-inquiry.ts';
export { INQUIRY_AUDIT_LABELS, type InquiryAuditAction } from './inquiry-audit.ts';
export { INQUIRY_CHECK_PROVIDERS } from './check-providers.ts';
export {
  listPublishedInquiries,
  findPublishedInquiry,
  type PublishedInquiry,
  type PublishedInquiryHead,
} from './public-inquiries.ts';
export { KIND_LABELS as INQUIRY_KIND_LABELS, type InquiryKind } from './inquiry.ts';
export {
  commentCallOf,
  findInquiryAttachment,
  inquiryDetailExtras,
  listOpenInquiries,
  type InquiryDetailExtras,
  type OpenInquiryHead,
} from './inquiry-pages.ts';
