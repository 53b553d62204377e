/**
 * Back office of 依申请公开: the ledger, registration, a request's page with every step as a form, letters and
 * attachments (the agency-level pages are in requests-admin.tsx). Thin: parse → one use case or page query →
 * present (the views are in views/requests/).
 */
import { UploadedFile } from '../../../uploads/staged-upload.ts';
import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { emptyForm, type FormState } from '../../views/forms.tsx';
import { formData, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { NotFoundError, ValidationError } from '../../../errors.ts';
import { listOffices, listUsers } from '../../../org/org.queries.ts';
import { attachment, XLSX_TYPE } from '../../../documents/xlsx.ts';
import { DOCX_TYPE } from '../../../documents/docx.ts';
import {
  findRequestAttachment,
  findRequestLetter,
  requestPageQuery,
  requestPolicy,
  requestScope,
} from '../../../requests/index.ts';
import { resolveRequest } from '../../../requests/request-step.ts';
import { registerRequest } from '../../../requests/register-request.ts';
import { addRequestAttachment } from '../../../requests/add-request-attachment.ts';
import { exportLedger, listLedger } from '../../../requests/ledger.ts';
import { letterDocx, letterPdf, storedLetter } from '../../../requests/render-letter.ts';
import { openUpload } from '../../../requests/uploads.ts';
import { filesOf, sendStored } from '../../stored-file.ts';
import { REQUEST_STEPS } from '../../request-steps.ts';
import { LedgerView } from '../../views/requests/ledger.tsx';
import { RegisterRequestForm } from '../../views/requests/register-form.tsx';
import { RequestDetail } from '../../views/requests/request-detail.tsx';
import type { Forms } from '../../views/requests/step-forms.tsx';
import { BASE, formOf, inspectableAgencies, ledgerAgencyOf } from './requests-shared.tsx';
import { safeFileName } from '../../../text/file-name.ts';

async function ledgerPage(c: C) {
  const agencyId = await ledgerAgencyOf(c);
  const q = c.req.query();
  const ledger = await listLedger(c.get('ctx'), agencyId, q);
  const [offices, users, agencies] = await Promise.all([
    listOffices(c.get('deps').db, agencyId),
    listUsers(c.get('deps').db, agencyId),
    inspectableAgencies(c),
  ]);
  const scope = await requestScope(c.get('deps').db, agencyId);
  const actor = c.get('ctx').actor;
  // Links to the agency-level pages keep the agency an inspector chose.
  const agencyQs = agencyId === currentUser(c).agencyId ? '' : `?agency=${agencyId}`;
  return officePage(
    c,
    '依申请公开台账',
    <LedgerView
      ledger={ledger}
      q={q}
      agencyId={agencyId}
      agencyQs={agencyQs}
      agencies={agencies}
      offices={offices}
      users={users}
      today={c.get('ctx').clock.today()}
      canRegister={requestPolicy.register(actor, scope)}
      canSeeCorrections={
        requestPolicy.view(actor, scope) &&
        actor.kind === 'user' &&
        scope.agencyId === actor.agencyId &&
        !actor.roles.every((r) => r === 'inspector')
      }
      canManageSettings={requestPolicy.manageSettings(actor, scope)}
    />,
  );
}

function newPage(c: C, form: FormState, status = 200) {
  return officePage(
    c,
    '登记政府信息公开申请',
    <RegisterRequestForm form={form} csrf={c.get('csrf')} />,
    status,
  );
}

async function detailPage(c: C, id: number, forms: Forms = {}, status = 200) {
  const page = await requestPageQuery(c.get('ctx'), id);
  return officePage(
    c,
    `申请 ${page.request.reference}`,
    <RequestDetail
      page={page}
      actor={c.get('ctx').actor}
      today={c.get('ctx').clock.today()}
      csrf={c.get('csrf')}
      forms={forms}
      auditLabels={c.get('shell').auditLabels}
    />,
    status,
  );
}

/** Web form values → the decision input (withheld parts come as numbered fields). */
function decisionInput(f: Record<string, string | string[]>) {
  const withheld = [0, 1, 2]
    .map((i) => ({
      part: str(f[`withheldPart${i}`]),
      ground: str(f[`withheldGround${i}`]),
      reason: str(f[`withheldReason${i}`]),
    }))
    .filter((w) => w.part || w.ground || w.reason);
  return { ...f, withheld };
}

// ---------------------------------------------------------------------------------------------------------------
// Report, appeals, settings

const ID = '{[0-9]+}';

export function requestRoutes(app: App): void {
  app.get(BASE, (c) => ledgerPage(c));
  app.get(`${BASE}/export.xlsx`, async (c) => {
    const buf = await exportLedger(c.get('ctx'), await ledgerAgencyOf(c), c.req.query());
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment(`依申请公开台账-${c.get('ctx').clock.today()}.xlsx`),
    });
  });
  app.get(`${BASE}/new`, (c) =>
    newPage(
      c,
      emptyForm({
        submittedOn: c.get('ctx').clock.today(),
        channel: 'in_person',
        applicantKind: 'natural_person',
        idType: 'resident_id',
      }),
    ),
  );
  app.post(BASE, async (c) => {
    const f = await formData(c);
    try {
      const r = await registerRequest(c.get('ctx'), currentUser(c).agencyId, f);
      return redirectWithFlash(c, `${BASE}/${r.id}`, `已登记：${r.reference}`);
    } catch (e) {
      const form = formOf(e, f);
      if (form) return newPage(c, form, 400);
      throw e;
    }
  });
  app.get(`${BASE}/:id${ID}`, (c) => detailPage(c, Number(c.req.param('id'))));
  app.get(`${BASE}/:id${ID}/letters/:lid{[0-9]+\\.(docx|pdf)}`, async (c) => {
    const id = Number(c.req.param('id'));
    const { agency } = await resolveRequest(c.get('ctx'), id);
    const [lid, fmt] = c.req.param('lid').split('.');
    const row = await findRequestLetter(c.get('deps').db, id, Number(lid));
    if (!row) throw new NotFoundError('未找到该文书');
    const l = storedLetter(row, agency.name);
    const pdf = fmt === 'pdf';
    const body = pdf ? await letterPdf(l) : await letterDocx(l);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': pdf ? 'application/pdf' : DOCX_TYPE,
      'Content-Disposition': attachment(`${row.title}-${row.doc_no}.${pdf ? 'pdf' : 'docx'}`),
    });
  });
  app.get(`${BASE}/:id${ID}/attachments/:aid${ID}`, async (c) => {
    const id = Number(c.req.param('id'));
    await resolveRequest(c.get('ctx'), id);
    const a = await findRequestAttachment(c.get('deps').db, id, Number(c.req.param('aid')));
    if (!a) throw new NotFoundError('未找到该附件');
    const file = await openUpload(c.get('deps').db, filesOf(c), a.storage_path);
    return sendStored(c, file, {
      'Content-Type': a.content_type,
      'Content-Disposition': attachment(safeFileName(a.file_name)),
    });
  });
  app.post(`${BASE}/:id${ID}/attachments`, async (c) => {
    const id = Number(c.req.param('id'));
    await resolveRequest(c.get('ctx'), id);
    const body = await c.req.parseBody();
    const file = body['file'];
    try {
      if (!(file instanceof UploadedFile) || file.size === 0)
        throw new ValidationError('请选择要上传的文件', { file: '请选择文件' });
      await addRequestAttachment(
        c.get('ctx'),
        id,
        filesOf(c),
        { name: file.name, staged: file },
        body['disclosed'] === '1',
      );
      return redirectWithFlash(c, `${BASE}/${id}`, '附件已上传');
    } catch (e) {
      const form = formOf(e, {});
      if (form) return detailPage(c, id, { attachments: form }, 400);
      throw e;
    }
  });
  app.post(`${BASE}/:id${ID}/:step`, async (c) => {
    const id = Number(c.req.param('id'));
    const step = REQUEST_STEPS[c.req.param('step')];
    if (!step) throw new NotFoundError();
    const f = await formData(c);
    try {
      await step.fn(c.get('ctx'), id, c.req.param('step') === 'decision' ? decisionInput(f) : f);
      return redirectWithFlash(c, `${BASE}/${id}`, step.done);
    } catch (e) {
      const form = formOf(e, f);
      if (form)
        return detailPage(c, id, { [c.req.param('step')]: form }, e instanceof ValidationError ? 400 : 409);
      throw e;
    }
  });
}
