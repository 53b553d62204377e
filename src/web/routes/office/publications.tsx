/** Back office of 主动公开: drafts, secrecy scan and masking, the review chain, publishing and channels. Routes are thin. */
import { listUsers } from '../../../org/org.queries.ts';
import { WaitingPanel, reassignFields } from '../../views/waiting-panel.tsx';
import { waitingOfPublication } from '../../../publications/waiting.ts';
import { reassignReview } from '../../../publications/reassign-review.ts';
import type { App, C } from '../../app-env.ts';
import { currentActor, currentUser, officePage } from '../../office-page.tsx';
import {
  Checkboxes,
  Csrf,
  Field,
  FormError,
  Select,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../views/forms.tsx';
import { formData, pageParam, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { assertCan, isDomainError, NotFoundError, type ValidationError } from '../../../errors.ts';
import { agencyScope, descendantIds, listAgencies, listOffices } from '../../../org/org.queries.ts';
import { getAgency } from '../../../org/org.queries.ts';
import { homeAgency } from '../../../org/home-agency.ts';
import { columnHref } from '../../portal-scope.ts';
import { getCalendar } from '../../../calendar/get-calendar.ts';
import { systemActor, type Ctx } from '../../../context.ts';
import { ensureCatalogue } from '../../../publications/seed-catalogue.ts';
import { categoryTree, flattenTree } from '../../../publications/catalogue.ts';
import {
  ATTRIBUTES,
  ATTRIBUTE_LABELS,
  DOC_KINDS,
  DOC_KIND_LABELS,
  GENRES,
  PUBLICATION_STATUSES,
  STATUS_LABELS,
  STEP_LABELS,
  TOPICS,
  VALIDITIES,
  VALIDITY_LABELS,
  WITHHOLD_GROUNDS,
  WITHHOLD_GROUND_IDS,
  type PublicationStatus,
} from '../../../publications/publication.ts';
import { publicationPolicy } from '../../../publications/publication.policy.ts';
import {
  listAttachments,
  listCategories,
  listChannelUses,
  listDueUnpublished,
  listOfficePublications,
  listReviews,
  type Publication,
} from '../../../publications/publications.queries.ts';
import { loadPublication, PUBLICATION_KIND } from '../../../publications/publication-context.ts';
import { createPublication, updatePublication } from '../../../publications/save-publication.ts';
import { maskPublication } from '../../../publications/mask-publication.ts';
import { addAttachments, removeAttachment } from '../../../publications/add-attachment.ts';
import { readAll } from '../../../storage/index.ts';
import { filesOf, openStored, sendStored } from '../../stored-file.ts';
import { reviewPublication, secrecyStepOf } from '../../../publications/review-publication.ts';
import { publishPublication } from '../../../publications/publish-publication.ts';
import { changeValidity, withdrawPublication } from '../../../publications/manage-published.ts';
import { CHANNEL_LABELS, recordChannel, type Channel } from '../../../publications/record-channel.ts';
import {
  groupMessageText,
  noticeBoardPdf,
  wechatArticleHtml,
} from '../../../publications/channel-outputs.ts';
import { scanText } from '../../../publications/secrecy-scan.ts';
import { scanPublication } from '../../../publications/publication-scan.ts';
import { AttachmentScanView } from '../../views/attachment-scan-view.tsx';
import { ChannelForms } from '../../views/channel-forms.tsx';
import { parseOfficeListFilter } from '../../../publications/office-list-filter.ts';
import { DUE_SOON_WORKDAYS, TIMELINESS_LABELS, timelinessOf } from '../../../publications/timeliness.ts';
import { searchDocuments } from '../../../search/search-index.ts';
import { Highlighted, MetadataBlock, Pager, fileSize } from '../../views/publication-views.tsx';
import type { User } from '../../../org/org.ts';
import { contentDisposition, safeFileName } from '../../../text/file-name.ts';
import { beijingDate, beijingDateTime } from '../../../beijing-time.ts';

const PAGE_SIZE = 30;
const base = (id: number) => `/office/publications/${id}`;

function formOfError(e: unknown, values: FormState['values']): FormState {
  if (isDomainError(e) && e.code === 'validation')
    return { values, errors: (e as ValidationError).fieldErrors ?? {}, message: e.message };
  throw e;
}

async function editorPage(c: C, form: FormState, id: number | null, status = 200) {
  const user = currentUser(c);
  const db = c.var.deps.db;
  await ensureCatalogue({ ...c.var.ctx, actor: systemActor('公开目录') }, user.agencyId);
  const [cats, offices] = await Promise.all([
    listCategories(db, user.agencyId),
    listOffices(db, user.agencyId),
  ]);
  const catOptions = flattenTree(categoryTree(cats.filter((x) => x.isActive))).map((n) => ({
    value: String(n.id),
    label: `${'　'.repeat(n.depth)}${n.name}`,
  }));
  return officePage(
    c,
    id ? '修改政府信息' : '撰写政府信息',
    <>
      <h1>{id ? '修改政府信息' : '撰写政府信息'}</h1>
      <form method="post" action={id ? base(id) : '/office/publications'} novalidate>
        <Csrf token={c.var.csrf} />
        <FormError form={form} />
        {id ? <input type="hidden" name="version" value={str(form.values.version)} /> : null}
        <Field form={form} name="title" label="标题" required />
        <Select form={form} name="categoryId" label="所属栏目" required options={catOptions} blank="请选择" />
        <Select
          form={form}
          name="officeId"
          label="承办站办所"
          options={offices.map((o) => ({ value: String(o.id), label: o.name }))}
          blank="（本人所在站办所）"
        />
        <Field form={form} name="issuer" label="发布机构" required />
        <Field form={form} name="docNo" label="文号" hint="如：互政〔2025〕12号；没有可不填" />
        <Field form={form} name="writtenOn" label="成文日期" type="date" />
        <Field
          form={form}
          name="formedOn"
          label="信息形成（变更）日期"
          type="date"
          required
          hint="条例第二十六条：自该日起20个工作日内公开"
        />
        <Select
          form={form}
          name="topic"
          label="主题分类"
          options={TOPICS.map((t) => ({ value: t, label: t }))}
          blank="请选择"
        />
        <Select
          form={form}
          name="genre"
          label="体裁"
          options={GENRES.map((t) => ({ value: t, label: t }))}
          blank="请选择"
        />
        <Field form={form} name="keywords" label="关键词" hint="多个关键词用空格分隔" />
        <TextArea
          form={form}
          name="body"
          label="正文"
          rows={14}
          hint="可直接输入文字（每段一行），也可粘贴网页格式内容；不允许脚本"
        />
        <fieldset class="field">
          <legend>属性认定</legend>
          <Select
            form={form}
            name="attribute"
            label="公开属性"
            required
            options={ATTRIBUTES.map((a) => ({ value: a, label: ATTRIBUTE_LABELS[a] }))}
          />
          <Checkboxes
            form={form}
            name="withholdGrounds"
            legend="不予公开的法定理由（选择“不予公开”时必选）"
            options={WITHHOLD_GROUND_IDS.map((g) => ({
              value: g,
              label: `${WITHHOLD_GROUNDS[g].article}：${WITHHOLD_GROUNDS[g].label}${WITHHOLD_GROUNDS[g].mandatory ? '' : '（可以不予公开）'}`,
            }))}
          />
        </fieldset>
        <Select
          form={form}
          name="docKind"
          label="文件类型"
          options={DOC_KINDS.map((k) => ({ value: k, label: DOC_KIND_LABELS[k] }))}
        />
        <Checkboxes
          form={form}
          name="isMajor"
          legend="重大事项或敏感信息"
          options={[{ value: '1', label: '是（须报主要领导审定）' }]}
        />
        <Field
          form={form}
          name="interpretsId"
          label="所解读文件的编号"
          hint="发布政策解读时，填写被解读文件在本系统中的编号"
          inputmode="numeric"
        />
        <details open={Boolean(form.values.periodOverrideDays)}>
          <summary>法律、法规另有公开期限规定</summary>
          <Field form={form} name="periodOverrideDays" label="公开期限（工作日）" type="number" />
          <Field form={form} name="periodOverrideBasis" label="依据条款" />
        </details>
        <fieldset class="field">
          <legend>有效性</legend>
          <Select
            form={form}
            name="validity"
            label="有效性"
            options={VALIDITIES.map((v) => ({ value: v, label: VALIDITY_LABELS[v] }))}
          />
          <Field form={form} name="repealedOn" label="废止（失效）日期" type="date" />
          <Field form={form} name="repealedByTitle" label="废止它的文件（文号及标题）" />
          <Field
            form={form}
            name="repealedById"
            label="或：废止它的文件在本系统中的编号"
            inputmode="numeric"
          />
        </fieldset>
        <Submit>保存草稿</Submit>
      </form>
    </>,
    status,
  );
}

function valuesOf(p: Publication): FormState['values'] {
  return {
    version: String(p.version),
    title: p.title,
    categoryId: String(p.categoryId),
    officeId: p.officeId ? String(p.officeId) : '',
    issuer: p.issuer,
    docNo: p.docNo ?? '',
    writtenOn: p.writtenOn ?? '',
    formedOn: p.formedOn,
    topic: p.topic ?? '',
    genre: p.genre ?? '',
    keywords: p.keywords ?? '',
    body: p.bodyHtml,
    attribute: p.attribute,
    withholdGrounds: p.withholdGrounds,
    docKind: p.docKind,
    isMajor: p.isMajor ? '1' : '',
    interpretsId: p.interpretsId ? String(p.interpretsId) : '',
    periodOverrideDays: p.periodOverrideDays ? String(p.periodOverrideDays) : '',
    periodOverrideBasis: p.periodOverrideBasis ?? '',
    validity: p.validity,
    repealedOn: p.repealedOn ?? '',
    repealedByTitle: p.repealedByTitle ?? '',
    repealedById: p.repealedById ? String(p.repealedById) : '',
  };
}

async function detailPage(
  c: C,
  id: number,
  forms: {
    review?: FormState;
    attach?: FormState;
    validity?: FormState;
    publish?: FormState;
    channel?: FormState;
    reassign?: FormState;
  } = {},
  status = 200,
) {
  const ctx = c.var.ctx;
  const db = c.var.deps.db;
  const actor = currentActor(c);
  const { item: p, scope, chain, facts } = await loadPublication(ctx, id);
  // The item on the portal: at /p/N for the home agency, in its own column for any other agency.
  const home = await homeAgency(c.var.deps.db);
  const portalHref =
    home?.id === p.agencyId
      ? `/p/${p.id}`
      : columnHref(
          c.var.deps.config.columnPrefix,
          (await getAgency(c.var.deps.db, p.agencyId)).code,
          `/p/${p.id}`,
        );
  const [atts, reviews, channels, cats] = await Promise.all([
    listAttachments(db, id),
    listReviews(db, id),
    listChannelUses(db, id),
    listCategories(db, p.agencyId),
  ]);
  const cal = await getCalendar(db, p.agencyId);
  const t = timelinessOf(cal, p, c.var.deps.clock.today());
  const scan = await scanPublication(db, p);
  const hits = scan.body;
  const canEdit = publicationPolicy.edit(actor, scope, facts);
  const next = chain.next;
  const secrecyStep = await secrecyStepOf(ctx, p.agencyId, p.isMajor);
  const reviewStep = p.status === 'draft' || p.status === 'returned' ? 'first_review' : next?.step;
  const canReview =
    reviewStep != null &&
    (publicationPolicy.review(actor, scope, facts, reviewStep, 'approve') ||
      publicationPolicy.review(actor, scope, facts, reviewStep, 'return'));
  const rf = forms.review ?? emptyForm();
  const [waiting, staff] = await Promise.all([waitingOfPublication(db, id), listUsers(db, p.agencyId)]);
  return officePage(
    c,
    p.title,
    <>
      <p class="muted">
        <a href="/office/publications">主动公开</a> › 编号 {p.id}
      </p>
      <h1>{p.title}</h1>
      <WaitingPanel
        items={waiting}
        names={new Map(staff.map((u) => [u.id, u.displayName]))}
        csrf={c.var.csrf}
        base={base(id)}
        forms={forms}
        actions={
          (p.status === 'in_review' || p.status === 'approved') && publicationPolicy.reassign(actor, scope)
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
            t === 'overdue' || t === 'published_late'
              ? 'badge err'
              : t === 'due_soon'
                ? 'badge warn'
                : 'badge'
          }
        >
          {TIMELINESS_LABELS[t]}（应于 {p.dueOn} 前公开）
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
      <MetadataBlock p={p} categoryName={cats.find((x) => x.id === p.categoryId)?.name ?? ''} />
      {canEdit ? (
        <p>
          <a class="button" href={`${base(id)}/edit`}>
            修改
          </a>
        </p>
      ) : null}
      <section aria-labelledby="scan-h" class="card">
        <h2 id="scan-h">保密审查：自动扫描</h2>
        {hits.length === 0 ? (
          <p class="muted">
            未发现身份证号、手机号码、银行卡号、详细住址、敏感身份信息或密级标识。（自动扫描不能代替人工审查。）
          </p>
        ) : (
          <>
            <p>发现 {hits.length} 处需要审查的内容：</p>
            <table class="data" id="scan-hits">
              <thead>
                <tr>
                  <th scope="col">类型</th>
                  <th scope="col">上下文</th>
                  <th scope="col">脱敏后</th>
                </tr>
              </thead>
              <tbody>
                {hits.map((h) => (
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
            {canEdit && hits.some((h) => h.masked) ? (
              <form method="post" action={`${base(id)}/mask`}>
                <Csrf token={c.var.csrf} />
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
          <a href={`${base(id)}/secrecy-sheet`}>保密审查单（打印）</a>
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
              <a href={`${base(id)}/files/${a.id}`}>{safeFileName(a.fileName)}</a>{' '}
              <span class="muted">（{fileSize(a.size)}）</span>
              {canEdit ? (
                <form method="post" action={`${base(id)}/attachments/${a.id}/delete`} class="inline-form">
                  <Csrf token={c.var.csrf} />
                  <button type="submit" class="link-button">
                    删除
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
        {canEdit ? (
          <form method="post" action={`${base(id)}/attachments`} enctype="multipart/form-data">
            <Csrf token={c.var.csrf} />
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
      <section aria-labelledby="chain-h" class="card">
        <h2 id="chain-h">审核流程（第 {Math.max(p.reviewRound, 1)} 轮）</h2>
        <ol id="chain">
          {chain.steps.map((s) => (
            <li data-step={s.step}>
              {STEP_LABELS[s.step]}：
              {s.signedBy ? (
                <span class="ok">
                  {s.signedBy} 已签 {beijingDateTime(s.signedAt)}
                </span>
              ) : next?.step === s.step && p.status === 'in_review' ? (
                <strong>待办</strong>
              ) : (
                <span class="muted">未签</span>
              )}
            </li>
          ))}
        </ol>
        {canReview && reviewStep ? (
          <form method="post" action={`${base(id)}/review`} novalidate id="review-form">
            <Csrf token={c.var.csrf} />
            <FormError form={rf} />
            <input type="hidden" name="step" value={reviewStep} />
            <input type="hidden" name="version" value={String(p.version)} />
            <p>
              本环节：<strong>{STEP_LABELS[reviewStep]}</strong>
            </p>
            {reviewStep === secrecyStep ? (
              <fieldset class="field">
                <legend>保密审查单</legend>
                <Checkboxes
                  form={rf}
                  name="secrecyConfirmed"
                  legend="审查结论"
                  options={[
                    {
                      value: '1',
                      label:
                        '本人已对拟公开内容进行保密审查，确认不涉及国家秘密、商业秘密和个人隐私，可以公开',
                    },
                  ]}
                />
                {scan.unreadable.length ? (
                  <Checkboxes
                    form={rf}
                    name="unreadableChecked"
                    legend="无法自动读取的附件"
                    options={[
                      {
                        value: '1',
                        label: `本人已逐页人工核对：${scan.unreadable.map((a) => `“${a.fileName}”`).join('、')}`,
                      },
                    ]}
                  />
                ) : null}
                <TextArea
                  form={rf}
                  name="secrecyNote"
                  label="保密审查说明"
                  rows={2}
                  hint="扫描仍有须处理的内容而确可公开时，写明理由"
                />
              </fieldset>
            ) : null}
            {reviewStep !== 'first_review' ? (
              <TextArea form={rf} name="reason" label="审核意见（退回时必填）" rows={2} />
            ) : null}
            <div class="actions">
              <button type="submit" name="action" value="approve" class="primary">
                {reviewStep === 'first_review' ? '承办人签字并提交审核' : '同意（签批）'}
              </button>{' '}
              {reviewStep !== 'first_review' ? (
                <button type="submit" name="action" value="return">
                  退回
                </button>
              ) : null}
            </div>
          </form>
        ) : null}
        {reviews.length ? (
          <details>
            <summary>审核记录</summary>
            <ul>
              {reviews.map((r) => (
                <li>
                  第{r.round}轮 {STEP_LABELS[r.step]} · {r.userName} ·{' '}
                  {r.action === 'approve' ? '同意' : `退回：${r.reason ?? ''}`} ·{' '}
                  {beijingDateTime(r.signedAt)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {forms.publish ? <FormError form={forms.publish} /> : null}
        {publicationPolicy.publish(actor, scope, facts) && p.attribute === 'proactive' ? (
          <form method="post" action={`${base(id)}/publish`} id="publish-form">
            <Csrf token={c.var.csrf} />
            <input type="hidden" name="version" value={String(p.version)} />
            <button type="submit" class="primary">
              发布到门户网站
            </button>
          </form>
        ) : null}
      </section>
      {p.status === 'published' ? (
        <section aria-labelledby="ch-h" class="card">
          <h2 id="ch-h">发布渠道</h2>
          <ul>
            {channels.map((u) => (
              <li>
                {CHANNEL_LABELS[u.channel as Channel] ?? u.channel} · {u.usedOn} · {u.userName}
                {u.link ? (
                  <>
                    {' '}
                    · <a href={u.link}>链接</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {publicationPolicy.useChannel(actor, scope, p) ? (
            <ChannelForms
              id={id}
              csrf={c.var.csrf}
              form={forms.channel ?? emptyForm({ usedOn: c.var.deps.clock.today() })}
            />
          ) : null}
          {publicationPolicy.managePublished(actor, scope, p) ? (
            <>
              <details>
                <summary>变更有效性</summary>
                <form method="post" action={`${base(id)}/validity`} novalidate>
                  <Csrf token={c.var.csrf} />
                  <FormError form={forms.validity ?? emptyForm()} />
                  <input type="hidden" name="version" value={String(p.version)} />
                  <Select
                    form={forms.validity ?? emptyForm({ validity: p.validity })}
                    name="validity"
                    label="有效性"
                    options={VALIDITIES.map((v) => ({ value: v, label: VALIDITY_LABELS[v] }))}
                  />
                  <Field
                    form={forms.validity ?? emptyForm()}
                    name="repealedOn"
                    label="废止（失效）日期"
                    type="date"
                  />
                  <Field
                    form={forms.validity ?? emptyForm()}
                    name="repealedByTitle"
                    label="废止它的文件（文号及标题）"
                  />
                  <Field
                    form={forms.validity ?? emptyForm()}
                    name="repealedById"
                    label="或：废止它的文件在本系统中的编号"
                  />
                  <Submit>保存</Submit>
                </form>
              </details>
              <details>
                <summary>撤回（从门户网站撤下）</summary>
                <form method="post" action={`${base(id)}/withdraw`}>
                  <Csrf token={c.var.csrf} />
                  <input type="hidden" name="version" value={String(p.version)} />
                  <label for="f-wr">撤回理由</label>
                  <input id="f-wr" name="reason" required />
                  <button type="submit">撤回</button>
                </form>
              </details>
            </>
          ) : null}
        </section>
      ) : null}
    </>,
    status,
  );
}

async function channelContext(c: C, p: Publication, withImages = false) {
  const agency = await getAgency(c.var.deps.db, p.agencyId);
  const origin = c.var.deps.config.publicUrl;
  const images: { dataUri: string; alt: string }[] = [];
  if (withImages) {
    for (const a of await listAttachments(c.var.deps.db, p.id)) {
      if (!a.mime.startsWith('image/') || a.size > 2 * 1024 * 1024) continue;
      const bytes = await readAll(filesOf(c), c.var.deps.db, a.storageKey).catch(() => null);
      if (bytes)
        images.push({ dataUri: `data:${a.mime};base64,${bytes.toString('base64')}`, alt: a.fileName });
    }
  }
  return { agencyName: agency.name, url: `${origin}/p/${p.id}`, origin, images };
}

/** Dashboard card: items due soon or overdue, per office (art. 26). */
export async function timelinessWidget(ctx: Ctx, user: User) {
  if (
    !user.roles.some((r) =>
      ['clerk', 'drafter', 'office_head', 'deputy_leader', 'principal_leader', 'liaison'].includes(r),
    )
  )
    return null;
  const cal = await getCalendar(ctx.db, user.agencyId);
  const today = ctx.clock.today();
  const items = await listDueUnpublished(ctx.db, user.agencyId, cal.addWorkdays(today, DUE_SOON_WORKDAYS));
  const offices = new Map((await listOffices(ctx.db, user.agencyId)).map((o) => [o.id, o.name]));
  const byOffice = new Map<string, Publication[]>();
  for (const p of items) {
    const k = (p.officeId && offices.get(p.officeId)) || '未指定站办所';
    byOffice.set(k, [...(byOffice.get(k) ?? []), p]);
  }
  return (
    <section class="card" aria-labelledby="pub-due-h">
      <h2 id="pub-due-h">主动公开时限（20个工作日）</h2>
      {items.length === 0 ? (
        <p class="muted">没有即将到期或超期的信息</p>
      ) : (
        [...byOffice].map(([office, list]) => (
          <>
            <h3>{office}</h3>
            <ul>
              {list.map((p) => (
                <li>
                  <a href={base(p.id)}>{p.title}</a>{' '}
                  <span class={p.dueOn < today ? 'badge err' : 'badge warn'}>
                    {p.dueOn < today ? `已超期（${p.dueOn}）` : `${p.dueOn} 到期`}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ))
      )}
    </section>
  );
}

export function publicationOfficeRoutes(app: App): void {
  app.get('/office/publications', async (c) => {
    const user = currentUser(c);
    // An inspector above reads an agency below with ?agency=ID (read-only); anyone else sees their own agency.
    const chosen = Number(c.req.query('agency'));
    const agencyId = Number.isInteger(chosen) && chosen > 0 ? chosen : user.agencyId;
    assertCan(publicationPolicy.view(c.var.ctx.actor, await agencyScope(c.var.deps.db, agencyId)), {
      hide: true,
    });
    const agencies = user.roles.includes('inspector')
      ? await (async () => {
          const ids = new Set(await descendantIds(c.var.deps.db, user.agencyId));
          return (await listAgencies(c.var.deps.db)).filter((a) => ids.has(a.id));
        })()
      : [];
    const canWrite = publicationPolicy.create(c.var.ctx.actor, await agencyScope(c.var.deps.db, agencyId));
    const status = (PUBLICATION_STATUSES as readonly string[]).includes(c.req.query('status') ?? '')
      ? (c.req.query('status') as PublicationStatus)
      : null;
    const page = pageParam(c);
    const extra = parseOfficeListFilter(c.req.query(), await listCategories(c.var.deps.db, agencyId));
    const r = await listOfficePublications(c.var.deps.db, {
      agencyId,
      status,
      ...extra.filter,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    return officePage(
      c,
      '主动公开',
      <>
        <h1>主动公开</h1>
        {agencies.length > 1 ? (
          <form method="get" action="/office/publications" class="filters">
            <Select
              form={emptyForm({ agency: String(agencyId) })}
              name="agency"
              label="机关"
              options={agencies.map((a) => ({ value: String(a.id), label: a.name }))}
            />
            <button type="submit">查看</button>
          </form>
        ) : null}
        <p>
          {canWrite ? (
            <>
              <a class="button primary" href="/office/publications/new">
                撰写政府信息
              </a>{' '}
              ·{' '}
            </>
          ) : null}
          <a href="/office/search">站内搜索（含草稿）</a>
        </p>
        <nav class="filters" aria-label="按状态筛选">
          <a href="/office/publications">全部</a>
          {PUBLICATION_STATUSES.map((s) => (
            <>
              {' '}
              ·{' '}
              <a
                href={`/office/publications?status=${s}${agencyId === user.agencyId ? '' : `&agency=${agencyId}`}`}
              >
                {STATUS_LABELS[s]}
              </a>
            </>
          ))}
        </nav>
        {extra.described.length ? (
          <p role="status">
            共 {r.total} 条符合筛选条件：{extra.described.join('；')}。{' '}
            <a href={status ? `/office/publications?status=${status}` : '/office/publications'}>清除筛选</a>
          </p>
        ) : null}
        <table class="data">
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">标题</th>
              <th scope="col">状态</th>
              <th scope="col">属性</th>
              <th scope="col">应公开日期</th>
              <th scope="col">索引号</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((p) => (
              <tr>
                <td>{p.id}</td>
                <td>
                  <a href={base(p.id)}>{p.title}</a>
                </td>
                <td>{STATUS_LABELS[p.status]}</td>
                <td>{ATTRIBUTE_LABELS[p.attribute]}</td>
                <td>{p.dueOn}</td>
                <td>{p.indexNo ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager
          page={page}
          total={r.total}
          size={PAGE_SIZE}
          base="/office/publications"
          query={{
            status: status ?? '',
            ...extra.params,
            ...(agencyId === user.agencyId ? {} : { agency: String(agencyId) }),
          }}
        />
      </>,
    );
  });

  app.get('/office/publications/new', async (c) => {
    const user = currentUser(c);
    const agency = await getAgency(c.var.deps.db, user.agencyId);
    return editorPage(
      c,
      emptyForm({
        issuer: agency.name,
        formedOn: c.var.deps.clock.today(),
        attribute: 'proactive',
        docKind: 'none',
        validity: 'in_force',
      }),
      null,
    );
  });

  app.post('/office/publications', async (c) => {
    const f = await formData(c);
    try {
      const id = await createPublication(c.var.ctx, f);
      return redirectWithFlash(c, base(id), '草稿已保存');
    } catch (e) {
      return editorPage(c, formOfError(e, f), null, 400);
    }
  });

  app.get('/office/publications/:id{[0-9]+}', (c) => detailPage(c, Number(c.req.param('id'))));

  app.get('/office/publications/:id{[0-9]+}/edit', async (c) => {
    const { item } = await loadPublication(c.var.ctx, Number(c.req.param('id')));
    return editorPage(c, emptyForm(valuesOf(item)), item.id);
  });

  app.post('/office/publications/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await updatePublication(c.var.ctx, id, Number(str(f.version)), f);
      return redirectWithFlash(c, base(id), '已保存');
    } catch (e) {
      return editorPage(c, formOfError(e, f), id, 400);
    }
  });

  app.post('/office/publications/:id{[0-9]+}/mask', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    const n = await maskPublication(c.var.ctx, id, Number(str(f.version)));
    return redirectWithFlash(c, base(id), n ? `已脱敏 ${n} 处` : '没有可自动脱敏的内容');
  });

  app.post('/office/publications/:id{[0-9]+}/attachments', async (c) => {
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody({ all: true });
    const raw = body['files'];
    const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(
      (x): x is File => typeof x !== 'string' && x.size > 0,
    );
    try {
      if (!list.length) return redirectWithFlash(c, base(id), '请选择要上传的文件');
      const files = await Promise.all(
        list.map(async (x) => ({ name: x.name, bytes: new Uint8Array(await x.arrayBuffer()) })),
      );
      await addAttachments(c.var.ctx, filesOf(c), id, files);
      return redirectWithFlash(c, base(id), `已上传 ${files.length} 个附件`);
    } catch (e) {
      return detailPage(c, id, { attach: formOfError(e, {}) }, 400);
    }
  });

  app.post('/office/publications/:id{[0-9]+}/attachments/:att{[0-9]+}/delete', async (c) => {
    const id = Number(c.req.param('id'));
    await removeAttachment(c.var.ctx, filesOf(c), id, Number(c.req.param('att')));
    return redirectWithFlash(c, base(id), '附件已删除');
  });

  app.get('/office/publications/:id{[0-9]+}/files/:att{[0-9]+}', async (c) => {
    const { item } = await loadPublication(c.var.ctx, Number(c.req.param('id')));
    const a = (await listAttachments(c.var.deps.db, item.id)).find(
      (x) => x.id === Number(c.req.param('att')),
    );
    if (!a) throw new NotFoundError();
    const file = await openStored(c, a.storageKey);
    if (!file) throw new NotFoundError();
    return sendStored(c, file, {
      'Content-Type': a.mime,
      'Content-Disposition': contentDisposition(a.fileName),
      'Cache-Control': 'no-store',
    });
  });

  app.post('/office/publications/:id{[0-9]+}/review', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await reviewPublication(c.var.ctx, id, f);
      return redirectWithFlash(c, base(id), str(f.action) === 'return' ? '已退回' : '已签批');
    } catch (e) {
      return detailPage(c, id, { review: formOfError(e, f) }, 400);
    }
  });

  app.post('/office/publications/:id{[0-9]+}/reassign', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await reassignReview(c.var.ctx, id, f);
      return redirectWithFlash(c, base(id), '已指派，被指派人已收到提醒');
    } catch (e) {
      return detailPage(c, id, { reassign: formOfError(e, f) }, 400);
    }
  });

  app.post('/office/publications/:id{[0-9]+}/publish', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      const r = await publishPublication(c.var.ctx, id, Number(str(f.version)));
      return redirectWithFlash(c, base(id), `已发布，索引号 ${r.indexNo}`);
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'invalid_state') throw e;
      return detailPage(c, id, { publish: { values: f, errors: {}, message: e.message } }, 409);
    }
  });

  app.post('/office/publications/:id{[0-9]+}/withdraw', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    await withdrawPublication(c.var.ctx, id, Number(str(f.version)), str(f.reason));
    return redirectWithFlash(c, base(id), '已从门户网站撤回');
  });

  app.post('/office/publications/:id{[0-9]+}/validity', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await changeValidity(c.var.ctx, id, Number(str(f.version)), f);
      return redirectWithFlash(c, base(id), '有效性已变更');
    } catch (e) {
      return detailPage(c, id, { validity: formOfError(e, f) }, 400);
    }
  });

  app.post('/office/publications/:id{[0-9]+}/channels', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await recordChannel(c.var.ctx, id, f);
    } catch (e) {
      return detailPage(c, id, { channel: formOfError(e, f) }, 400);
    }
    return redirectWithFlash(c, base(id), '已记录发布渠道');
  });

  app.get('/office/publications/:id{[0-9]+}/channels/:channel', async (c) => {
    const { item: p, scope } = await loadPublication(c.var.ctx, Number(c.req.param('id')));
    if (!publicationPolicy.useChannel(c.var.ctx.actor, scope, p)) throw new NotFoundError();
    const ch = c.req.param('channel');
    if (ch === 'notice_board') {
      const pdf = await noticeBoardPdf(p, await channelContext(c, p));
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition(`公开栏-${p.title}.pdf`, 'inline'),
      });
    }
    if (ch === 'wechat_group') {
      const text = groupMessageText(p, await channelContext(c, p));
      return officePage(
        c,
        '微信群消息',
        <>
          <h1>微信群消息</h1>
          <p>
            <label for="group-message">长按或全选复制，发到各村工作微信群：</label>
          </p>
          <textarea id="group-message" rows={8} readOnly style="width:100%">
            {text}
          </textarea>
          <p>
            <a href={base(p.id)}>返回</a>
          </p>
        </>,
      );
    }
    if (ch === 'wechat_account') {
      const article = wechatArticleHtml(p, await channelContext(c, p, true));
      return officePage(
        c,
        '公众号文章',
        <>
          <h1>公众号文章</h1>
          <p>
            在下方预览区全选（Ctrl+A 后 Ctrl+C）复制，粘贴到微信公众号编辑器，格式和图片会保留。也可复制下方
            HTML 源码。
          </p>
          <p>
            {/* Shown by app.js (progressive enhancement): copies the article only, as rich text. */}
            <button type="button" class="primary" data-copy="wechat-article" hidden>
              复制正文
            </button>{' '}
            <span role="status" data-copy-status="wechat-article" />
          </p>
          <div id="wechat-article" class="card" dangerouslySetInnerHTML={{ __html: article }} />
          <details>
            <summary>HTML 源码</summary>
            <textarea rows={10} readOnly style="width:100%" aria-label="公众号文章 HTML 源码">
              {article}
            </textarea>
          </details>
          <p>
            <a href={base(p.id)}>返回</a>
          </p>
        </>,
      );
    }
    throw new NotFoundError();
  });

  app.get('/office/publications/:id{[0-9]+}/secrecy-sheet', async (c) => {
    const { item: p, chain } = await loadPublication(c.var.ctx, Number(c.req.param('id')));
    const agency = await getAgency(c.var.deps.db, p.agencyId);
    const hits = p.secrecy?.hits ?? scanText(`${p.title}\n${p.bodyText}`);
    return officePage(
      c,
      '保密审查单',
      <article class="print-sheet">
        <h1 style="text-align:center">{agency.name}政府信息公开保密审查单</h1>
        <table class="data">
          <tbody>
            <tr>
              <th scope="row">信息标题</th>
              <td>{p.title}</td>
            </tr>
            <tr>
              <th scope="row">文号</th>
              <td>{p.docNo ?? ''}</td>
            </tr>
            <tr>
              <th scope="row">承办人</th>
              <td>{p.createdByName}</td>
            </tr>
            <tr>
              <th scope="row">属性认定</th>
              <td>
                {ATTRIBUTE_LABELS[p.attribute]}
                {p.withholdGrounds.length
                  ? `（${p.withholdGrounds.map((g) => WITHHOLD_GROUNDS[g].article).join('、')}）`
                  : ''}
              </td>
            </tr>
            <tr>
              <th scope="row">自动扫描结果</th>
              <td>
                {hits.length === 0
                  ? '未发现敏感内容'
                  : hits.map((h) => (
                      <div>
                        {h.label}：{h.masked ?? h.match}
                      </div>
                    ))}
              </td>
            </tr>
            <tr>
              <th scope="row">审查意见</th>
              <td>
                {p.secrecy
                  ? `经审查，不涉及国家秘密、商业秘密和个人隐私，同意公开。${p.secrecy.note ?? ''}`
                  : '尚未签署'}
              </td>
            </tr>
            <tr>
              <th scope="row">审查人签字</th>
              <td>{p.secrecy ? `${p.secrecy.signedName}\u3000${beijingDate(p.secrecy.signedAt)}` : ''}</td>
            </tr>
            {chain.steps.map((s) => (
              <tr>
                <th scope="row">{STEP_LABELS[s.step]}</th>
                <td>{s.signedBy ? `${s.signedBy}\u3000${beijingDate(s.signedAt)}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted">“先审查、后公开、谁审查、谁负责”。本单由系统根据签批记录生成。</p>
      </article>,
    );
  });

  app.get('/office/search', async (c) => {
    const user = currentUser(c);
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const r = q.trim()
      ? await searchDocuments(c.var.deps.db, { q, agencyIds: [user.agencyId], publicOnly: false, limit: 50 })
      : null;
    return officePage(
      c,
      '站内搜索',
      <>
        <h1>站内搜索（含草稿）</h1>
        <form method="get" action="/office/search" class="filters" role="search">
          <label>
            关键词 <input name="q" type="search" value={q} />
          </label>{' '}
          <button type="submit">搜索</button>
        </form>
        {r && r.total === 0 ? <p class="empty">无结果。请换一个更短的词。</p> : null}
        {r && r.total > 0 ? (
          <ol>
            {r.hits.map((h) => (
              <li>
                <a href={h.url}>
                  <Highlighted parts={h.title} />
                </a>{' '}
                <span class="badge">
                  {h.kind === PUBLICATION_KIND && h.status
                    ? STATUS_LABELS[h.status as PublicationStatus]
                    : h.kind}
                </span>
                <p>
                  <Highlighted parts={h.snippet} />
                </p>
              </li>
            ))}
          </ol>
        ) : null}
      </>,
    );
  });
}
