/**
 * The office page of one 主动公开 item: waiting panel, status, metadata, secrecy scan, body, attachments, then the
 * review chain and (published) the channels. Pure: a function of the page query's result and the forms to re-show.
 */
import type { OfficePublicationPage } from '../../../publications/office-publication-page.ts';
import { ATTRIBUTE_LABELS, STATUS_LABELS, WITHHOLD_GROUNDS } from '../../../publications/publication.ts';
import { TIMELINESS_LABELS } from '../../../publications/timeliness.ts';
import { safeFileName } from '../../../text/file-name.ts';
import { AttachmentScanView } from '../attachment-scan-view.tsx';
import { Csrf, FormError, emptyForm, type FormState } from '../forms.tsx';
import { MetadataBlock, fileSize } from '../publication-views.tsx';
import { WaitingPanel, reassignFields } from '../waiting-panel.tsx';
import { PublishedSection, ReviewSection } from './office-review.tsx';

/** The forms of the page that come back with what was typed and the error. */
export type DetailForms = {
  review?: FormState;
  attach?: FormState;
  validity?: FormState;
  publish?: FormState;
  channel?: FormState;
  reassign?: FormState;
};

export function PublicationDetail(props: {
  page: OfficePublicationPage;
  forms: DetailForms;
  csrf: string;
  portalHref: string;
  today: string;
}) {
  const { page, forms, csrf, portalHref } = props;
  const { p, chain, atts, can, categoryName, scan, staff, timeliness, waiting } = page;
  const base = `/office/publications/${p.id}`;
  return (
    <>
      <p class="muted">
        <a href="/office/publications">主动公开</a> › 编号 {p.id}
      </p>
      <h1>{p.title}</h1>
      <WaitingPanel
        items={waiting}
        names={new Map(staff.map((u) => [u.id, u.displayName]))}
        csrf={csrf}
        base={base}
        forms={forms}
        actions={
          can.reassign
            ? [
                {
                  action: 'reassign',
                  title: p.status === 'approved' ? '指派发布人' : '指派本环节审核人',
                  hidden: { version: String(p.version) },
                  body: reassignFields(staff.filter((u) => u.isActive && !chain.signerIds.includes(u.id))),
                },
              ]
            : []
        }
      />
      <p>
        <span class="badge">{STATUS_LABELS[p.status]}</span>{' '}
        <span class="badge">{ATTRIBUTE_LABELS[p.attribute]}</span>{' '}
        <span
          class={
            timeliness === 'overdue' || timeliness === 'published_late'
              ? 'badge err'
              : timeliness === 'due_soon'
                ? 'badge warn'
                : 'badge'
          }
        >
          {TIMELINESS_LABELS[timeliness]}（应于 {p.dueOn} 前公开）
        </span>
        {p.status === 'published' ? (
          <>
            {' '}
            · <a href={portalHref}>在门户网站查看</a>
          </>
        ) : null}
      </p>
      {p.attribute === 'withheld' ? (
        <p>
          不予公开理由：
          {p.withholdGrounds
            .map((g) => `${WITHHOLD_GROUNDS[g].article}（${WITHHOLD_GROUNDS[g].label}）`)
            .join('；')}
        </p>
      ) : null}
      <MetadataBlock p={p} categoryName={categoryName} />
      {can.edit ? (
        <p>
          <a class="button" href={`${base}/edit`}>
            修改
          </a>
        </p>
      ) : null}
      <section aria-labelledby="scan-h" class="card">
        <h2 id="scan-h">保密审查：自动扫描</h2>
        {scan.body.length === 0 ? (
          <p class="muted">
            未发现身份证号、手机号码、银行卡号、详细住址、敏感身份信息或密级标识。（自动扫描不能代替人工审查。）
          </p>
        ) : (
          <>
            <p>发现 {scan.body.length} 处需要审查的内容：</p>
            <table class="data" id="scan-hits">
              <thead>
                <tr>
                  <th scope="col">类型</th>
                  <th scope="col">上下文</th>
                  <th scope="col">脱敏后</th>
                </tr>
              </thead>
              <tbody>
                {scan.body.map((h) => (
                  <tr data-kind={h.kind}>
                    <td>
                      {h.label}
                      {h.severity === 'high' ? <strong>（须处理）</strong> : null}
                    </td>
                    <td>
                      …{h.before}
                      <mark>{h.match}</mark>
                      {h.after}…
                    </td>
                    <td>{h.masked ?? '不能自动脱敏，请删除或改为不予公开'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {can.edit && scan.body.some((h) => h.masked) ? (
              <form method="post" action={`${base}/mask`}>
                <Csrf token={csrf} />
                <input type="hidden" name="version" value={String(p.version)} />
                <button type="submit" class="primary">
                  一键脱敏
                </button>
              </form>
            ) : null}
          </>
        )}
        <AttachmentScanView scan={scan} />
        <p>
          <a href={`${base}/secrecy-sheet`}>保密审查单（打印）</a>
        </p>
      </section>
      <section aria-labelledby="body-h">
        <h2 id="body-h">正文</h2>
        <div class="prose" dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />
      </section>
      <section aria-labelledby="att-h">
        <h2 id="att-h">附件</h2>
        {atts.length === 0 ? <p class="muted">无附件</p> : null}
        <ul>
          {atts.map((a) => (
            <li>
              <a href={`${base}/files/${a.id}`}>{safeFileName(a.fileName)}</a>{' '}
              <span class="muted">（{fileSize(a.size)}）</span>
              {can.edit ? (
                <form method="post" action={`${base}/attachments/${a.id}/delete`} class="inline-form">
                  <Csrf token={csrf} />
                  <button type="submit" class="link-button">
                    删除
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
        {can.edit ? (
          <form method="post" action={`${base}/attachments`} enctype="multipart/form-data">
            <Csrf token={csrf} />
            <FormError form={forms.attach ?? emptyForm()} />
            <label for="f-files">上传附件（PDF、DOCX、XLSX、TXT、CSV、PNG、JPG、GIF，每个不超过20 MB）</label>
            <input
              id="f-files"
              type="file"
              name="files"
              multiple
              accept=".pdf,.docx,.xlsx,.txt,.csv,.png,.jpg,.jpeg,.gif"
            />
            <button type="submit">上传</button>
          </form>
        ) : null}
      </section>
      <ReviewSection page={page} forms={forms} csrf={csrf} />
      {p.status === 'published' ? (
        <PublishedSection page={page} forms={forms} csrf={csrf} today={props.today} />
      ) : null}
    </>
  );
}
