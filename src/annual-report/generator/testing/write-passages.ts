/** Tests: the clerk writes the passages a draft leaves to write (【待填写】), as a report must have before finalising. */
import type { Ctx } from '../../../context.ts';
import { saveNarrative } from '../save-narrative.ts';
import type { AnnualReport } from '../report.ts';

const WRITTEN =
  '全年组织业务培训2次；政府信息公开工作纳入年度综合考核，考核结果为优秀；开展社会评议1次，满意度良好；全年未发生责任追究情况。';

export async function writePassages(ctx: Ctx, report: AnnualReport): Promise<AnnualReport> {
  const written = (t: string) => t.replace(/【待填写】[^\n]*/g, WRITTEN);
  return saveNarrative(ctx, report.id, {
    version: report.version,
    overview: written(report.texts.overview),
    problems_improvements: written(report.texts.problems_improvements),
    other_matters: written(report.texts.other_matters),
  });
}
