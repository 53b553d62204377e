/**
 * The register of 更正 requests (条例第四十一条): list with due dates, registration (same channels as disclosure
 * requests), the decision and its letter (DOCX/PDF in official-document form). Thin: the use cases decide.
 */
import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import {
  Csrf,
  Field,
  FormError,
  Select,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../views/forms.tsx';
import { formData } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { assertCan, NotFoundError } from '../../../errors.ts';
import { requestPolicy } from '../../../requests/request.policy.ts';
import { findRecordCorrection, listRecordCorrections, requestScope } from '../../../requests/index.ts';
import { CHANNEL_LABELS, CHANNELS } from '../../../requests/request.ts';
import {
  decideRecordCorrection,
  exportRecordCorrections,
  registerRecordCorrection,
} from '../../../requests/record-corrections.ts';
import {
  CORRECTION_DECISIONS,
  CORRECTION_DECISION_LABELS,
  type CorrectionDecision,
} from '../../../requests/record-correction-rules.ts';
import { letterDocx, letterPdf, storedLetter } from '../../../requests/render-letter.ts';
import { DOCX_TYPE } from '../../../documents/docx.ts';
import { attachment, XLSX_TYPE } from '../../../documents/xlsx.ts';
import { BASE, formOf, opts } from './requests-shared.tsx';

const PATH = `${BASE}/corrections`;

async function page(c: C, forms: Record<string, FormState> = {}, status = 200) {
  const user = currentUser(c);
  const db = c.get('deps').db;
  const scope = await requestScope(db, user.agencyId);
  assertCan(requestPolicy.view(c.get('ctx').actor, scope), { hide: true });
  const manage = requestPolicy.register(c.get('ctx').actor, scope);
  const today = c.get('ctx').clock.today();
  const rows = await listRecordCorrections(db, user.agencyId);
  const reg = forms.register ?? emptyForm({ channel: 'in_person', receivedOn: today });
  return officePage(
    c,
    '更正申请登记',
    <>
      <h1>政府信息更正申请（条例第四十一条）</h1>
      <p>
        <a href={`${PATH}/export.xlsx`}>导出登记簿（Excel）</a> · 申请人也可以在门户网站“
        <a href="/corrections">申请更正</a>”在线提出
      </p>
      <p class="hint">
        申请人有证据证明本机关提供的与其自身相关的政府信息记录不准确的，可以要求更正。审核属实的予以更正并告知；不属于本机关职能范围的，转送有权更正的机关或告知其向该机关提出。
      </p>
      {rows.length === 0 ? (
        <p class="empty">暂无更正申请</p>
      ) : (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">申请人</th>
              <th scope="col">记录及证据</th>
              <th scope="col">收到 / 期限</th>
              <th scope="col">处理</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.reference}</td>
                <td>
                  {r.applicant_name}（{CHANNEL_LABELS[r.channel as keyof typeof CHANNEL_LABELS]}）
                </td>
                <td>
                  {r.record}：{r.error}。证据：{r.evidence}
                </td>
                <td>
                  {r.received_on} / {r.due_on}
                  {r.status === 'pending' && r.due_on && today > r.due_on ? (
                    <span class="badge warn">已超期</span>
                  ) : null}
                </td>
                <td>
                  {r.status === 'decided' ? (
                    <>
                      {CORRECTION_DECISION_LABELS[r.decision as CorrectionDecision]}（{r.decided_on}）{' '}
                      <a href={`${PATH}/${r.id}/letter.docx`}>Word</a> ·{' '}
                      <a href={`${PATH}/${r.id}/letter.pdf`}>PDF</a>
                    </>
                  ) : manage ? (
                    <form method="post" action={`${PATH}/${r.id}/decide`} novalidate>
                      <Csrf token={c.get('csrf')} />
                      <FormError form={forms[`d${r.id}`] ?? emptyForm()} />
                      <Select
                        form={forms[`d${r.id}`] ?? emptyForm()}
                        name="decision"
                        label="处理结果"
                        required
                        options={opts(CORRECTION_DECISIONS, CORRECTION_DECISION_LABELS)}
                      />
                      <Field
                        form={forms[`d${r.id}`] ?? emptyForm()}
                        name="referredTo"
                        label="有权更正的机关（转送或告知时）"
                      />
                      <TextArea form={forms[`d${r.id}`] ?? emptyForm()} name="reason" label="说明" required />
                      <Submit>作出决定并出具告知书</Submit>
                    </form>
                  ) : (
                    '待处理'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage ? (
        <form method="post" action={PATH} novalidate class="narrow">
          <h2>登记更正申请</h2>
          <Csrf token={c.get('csrf')} />
          <FormError form={reg} />
          <Select
            form={reg}
            name="channel"
            label="提出方式"
            required
            options={opts(CHANNELS, CHANNEL_LABELS)}
          />
          <Field form={reg} name="receivedOn" label="收到日期" type="date" required />
          <Field form={reg} name="applicantName" label="申请人姓名或名称" required />
          <Field form={reg} name="contact" label="联系方式" required />
          <TextArea form={reg} name="record" label="要求更正的政府信息记录" required />
          <TextArea form={reg} name="error" label="不准确之处及应更正为" required />
          <TextArea form={reg} name="evidence" label="证据" required />
          <Submit>登记</Submit>
        </form>
      ) : null}
    </>,
    status,
  );
}

export function recordCorrectionRoutes(app: App): void {
  app.get(PATH, (c) => page(c));
  app.get(`${PATH}/export.xlsx`, async (c) => {
    const buf = await exportRecordCorrections(c.get('ctx'), currentUser(c).agencyId);
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment(`更正申请登记-${c.get('ctx').clock.today()}.xlsx`),
    });
  });
  app.post(PATH, async (c) => {
    const f = await formData(c);
    try {
      await registerRecordCorrection(c.get('ctx'), currentUser(c).agencyId, f);
      return redirectWithFlash(c, PATH, '已登记更正申请');
    } catch (e) {
      const form = formOf(e, f);
      if (form) return page(c, { register: form }, 400);
      throw e;
    }
  });
  app.post(`${PATH}/:cid{[0-9]+}/decide`, async (c) => {
    const f = await formData(c);
    const id = Number(c.req.param('cid'));
    try {
      await decideRecordCorrection(c.get('ctx'), id, f);
      return redirectWithFlash(c, PATH, '已作出决定，告知书已出具');
    } catch (e) {
      const form = formOf(e, f);
      if (form) return page(c, { [`d${id}`]: form }, 400);
      throw e;
    }
  });
  app.get(`${PATH}/:cid{[0-9]+}/:file{letter\\.(docx|pdf)}`, async (c) => {
    const user = currentUser(c);
    const row = await findRecordCorrection(c.get('deps').db, user.agencyId, Number(c.req.param('cid')));
    if (!row?.letter_doc_no) throw new NotFoundError('未找到该告知书');
    const scope = await requestScope(c.get('deps').db, row.agency_id);
    assertCan(requestPolicy.view(c.get('ctx').actor, scope), { hide: true });
    const l = storedLetter(
      {
        title: row.letter_title!,
        doc_no: row.letter_doc_no,
        addressee: row.applicant_name,
        body_json: row.letter_body_json!,
        issued_on: row.decided_on!,
      },
      scope.agency.name,
    );
    const pdf = c.req.param('file').endsWith('.pdf');
    const body = pdf ? await letterPdf(l) : await letterDocx(l);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': pdf ? 'application/pdf' : DOCX_TYPE,
      'Content-Disposition': attachment(`${row.letter_title}-${row.letter_doc_no}.${pdf ? 'pdf' : 'docx'}`),
    });
  });
}
