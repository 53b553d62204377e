/** The download formats of an annual report (a module of its own: the sitemap lists them without the renderers). */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'txt', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  docx: 'Word（DOCX）',
  pdf: 'PDF',
  html: '网页（HTML）',
  txt: '纯文本（TXT）',
  json: '数据（JSON）',
};
