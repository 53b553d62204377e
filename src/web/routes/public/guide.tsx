/**
 * The 信息公开指南's 受理机构 block and its downloadable paper application form (DOCX / PDF), both from the agency's
 * guide settings. The block is rendered into /guide by publications.tsx.
 */
import type { App } from '../../app-env.ts';
import { portalAgency } from '../../public-page.tsx';
import { readGuideContact, type GuideContact } from '../../../publications/guide-settings.ts';
import {
  applicationFormDocx,
  applicationFormPdf,
  contactLines,
} from '../../../publications/application-form.ts';
import { DOCX_TYPE } from '../../../documents/docx.ts';
import { attachment } from '../../../documents/xlsx.ts';

/** 受理机构, address, hours, phone, e-mail, and the paper form to download. */
export function GuideContactBlock({ contact }: { contact: GuideContact }) {
  const lines = contactLines(contact);
  return (
    <section aria-labelledby="guide-contact-h" class="card">
      <h2 id="guide-contact-h">受理机构和联系方式</h2>
      {lines.length ? (
        <ul>
          {lines.map((l) => (
            <li>{l}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">受理机构信息尚未填写，请通过“依申请公开”栏目网上提交申请。</p>
      )}
      <p>可以网上提交申请，也可以下载纸质申请表，填写后当面递交或邮寄。</p>
      <p class="download-buttons">
        <a class="button" href="/guide/application-form.docx" download>
          下载申请表（Word）
        </a>
        <a class="button" href="/guide/application-form.pdf" download>
          下载申请表（PDF）
        </a>
        <a class="button primary" href="/apply">
          网上申请
        </a>
      </p>
    </section>
  );
}

export function guideRoutes(app: App): void {
  for (const fmt of ['docx', 'pdf'] as const)
    app.get(`/guide/application-form.${fmt}`, async (c) => {
      const agency = await portalAgency(c);
      if (!agency) return c.notFound();
      const contact = await readGuideContact(c.get('deps').db, agency.id);
      const pdf = fmt === 'pdf';
      const body = pdf
        ? await applicationFormPdf(agency.name, contact)
        : await applicationFormDocx(agency.name, contact);
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': pdf ? 'application/pdf' : DOCX_TYPE,
        'Content-Disposition': attachment(`${agency.name}政府信息公开申请表.${pdf ? 'pdf' : 'docx'}`),
      });
    });
}
