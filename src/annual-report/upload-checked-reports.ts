/**
 * Upload reports to 年报体检: check every file, then keep all of them with their results in one transaction.
 * A file that cannot be checked rejects the whole upload with a form error naming it (nothing is half-saved).
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { ValidationError, assertCan } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import { checkReportBytes } from './check-files.ts';
import type { CheckResult } from './check-report.ts';
import { MAX_REPORT_BYTES } from './parse-report.ts';
import { reportCheckPolicy } from './report-check.policy.ts';
import { insertUpload } from './report-check.queries.ts';
import { recordEvent } from '../audit/record-event.ts';
import { safeFileName } from '../text/file-name.ts';

/** At most this many files per upload. */
export const MAX_FILES_PER_UPLOAD = 50;

export async function uploadCheckedReports(
  ctx: Ctx,
  files: { name: string; bytes: Uint8Array }[],
): Promise<{ id: number; result: CheckResult }[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new ValidationError('只有登录用户可以上传');
  assertCan(
    reportCheckPolicy.upload(actor) &&
      reportCheckPolicy.view(actor, await agencyScope(ctx.db, actor.agencyId)),
  );
  const real = files.filter((f) => f.name !== '' || f.bytes.length > 0);
  if (!real.length) throw new ValidationError('请选择要检查的年度报告文件', { files: '请选择文件' });
  if (real.length > MAX_FILES_PER_UPLOAD) {
    throw new ValidationError(`一次最多上传 ${MAX_FILES_PER_UPLOAD} 个文件`, { files: '文件太多' });
  }
  const checked: (
    { f: (typeof real)[number]; error: string } | { f: (typeof real)[number]; result: CheckResult }
  )[] = [];
  for (const f of real) {
    if (f.bytes.length > MAX_REPORT_BYTES) {
      checked.push({
        f,
        error: `文件过大（${(f.bytes.length / 1024 / 1024).toFixed(1)} MB），超过 20 MB 的上限`,
      });
      continue;
    }
    const r = await checkReportBytes(f.name, f.bytes);
    checked.push('error' in r ? { f, error: r.error.error } : { f, result: r.result });
  }
  const bad = checked.filter((c) => 'error' in c);
  if (bad.length) {
    const message = bad.map((b) => `“${b.f.name}”：${(b as { error: string }).error}`).join('；');
    throw new ValidationError(`以下文件无法检查，本次上传未保存：${message}`, { files: message });
  }
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const out: { id: number; result: CheckResult }[] = [];
    for (const c of checked) {
      const result = (c as { result: CheckResult }).result;
      const id = await insertUpload(trx, {
        agencyId: actor.agencyId,
        uploadedBy: actor.userId,
        uploadedByName: actor.name,
        uploadedAt: now,
        fileName: safeFileName(c.f.name),
        bytes: c.f.bytes,
        sha256: createHash('sha256').update(c.f.bytes).digest('hex'),
        result,
      });
      out.push({ id, result });
      const errors = result.findings.filter((f) => f.severity === 'error').length;
      await recordEvent(trx, ctx, {
        action: 'report_check.uploaded',
        objectType: 'report_check_upload',
        objectId: id,
        after: { file: c.f.name, year: result.year, agency: result.agency, errors },
      });
    }
    return out;
  });
}
