/**
 * The back-office page of one village item, a pure view: the liaison's phone form, the scan hits with one-tap
 * masking, photos, the 监委会 opinion, the township review, the board, objections and the steps. The route decides
 * who may do what (villagePolicy) and passes the answers in `can` and on each objection.
 */
import { Csrf, FormError, type FormState } from '../forms.tsx';
import {
  FILE_PURPOSE_LABELS,
  type Disclosure,
  type DisclosureFile,
  type ItemTemplate,
  type StepRow,
} from '../../../villages/villages.queries.ts';
import { OBJECTION_STATUS_LABELS, type Objection } from '../../../villages/objections.ts';
import type { Person } from '../../../villages/notify.ts';
import {
  KIND_LABELS,
  OPINION_LABELS,
  periodLabel,
  STATUS_LABELS,
} from '../../../villages/village-disclosure.ts';
import type { FieldHit, RawValues, Values } from '../../../villages/item-template.ts';
import { ValuesForm, ValuesView } from '../../../villages/views/item-views.tsx';
import { bjTime, maskedName, StatusBadge, VillageAssets } from '../../../villages/views/common.tsx';
import { HIT_LABELS } from '../../../publications/index.ts';

export const itemBase = (id: number) => `/office/villages/items/${id}`;
const base = itemBase;
const STEP_LABELS: Record<string, string> = {
  submit: '联络员提交',
  supervision: '村务监督委员会',
  township: '乡镇审核',
};
const ACTION_LABELS: Record<string, string> = {
  submit: '提交',
  approve: '同意发布',
  return: '退回',
  ...OPINION_LABELS,
};

export interface ItemPageProps {
  id: number;
  item: Disclosure;
  template: ItemTemplate;
  village: { id: number; name: string };
  raw: RawValues;
  values: Values;
  hits: FieldHit[];
  form: FormState;
  title?: string;
  noticeDays?: string;
  waiting: Person[];
  draftPhotos: DisclosureFile[];
  boardPhotos: DisclosureFile[];
  steps: StepRow[];
  objections: (Objection & { canAnswer: boolean; canOutcome: boolean })[];
  can: { edit: boolean; supervise: boolean; review: boolean; recordBoard: boolean };
  csrf: string;
}

export function ItemPage(props: ItemPageProps) {
  const { id, item, template, village, raw, values, hits, form, waiting, draftPhotos, boardPhotos, steps } =
    props;
  const { objections, can, csrf } = props;
  return (
    <div class="vd-phone">
      <VillageAssets />
      <p>
        <a href={`/office/villages/v/${village.id}`}>{village.name}</a> · {KIND_LABELS[item.kind]} ·{' '}
        {template.name}（第{template.version}版）
        {item.period ? ` · ${periodLabel(item.period)}` : ''}
      </p>
      <h1>{item.title}</h1>
      <p>
        <StatusBadge status={item.status} /> {item.dueOn ? `应于${item.dueOn}前公开` : ''}
        {item.publishedOn ? ` · ${item.publishedOn}公开` : ''}
        {item.noticeEndOn ? ` · 公示期至${item.noticeEndOn}` : ''}
      </p>
      {waiting.length ? (
        <p id="waiting">
          等待：{STATUS_LABELS[item.status]} — {waiting.map((p) => p.name).join('、')}（已发提醒）
        </p>
      ) : null}
      <FormError form={form} />
      {hits.length ? (
        <div class="vd-hits" id="scan-hits" role="status">
          <p>保密审查发现 {hits.length} 处可能的个人信息或涉密内容：</p>
          <ul>
            {hits.map((h) => (
              <li data-kind={h.kind}>
                {h.fieldLabel}：{HIT_LABELS[h.kind]}“{h.match}”{h.masked ? ` → ${h.masked}` : '（须删除）'}
              </li>
            ))}
          </ul>
          {can.edit ? (
            <form method="post" action={`${base(id)}/mask`}>
              <Csrf token={csrf} />
              <button type="submit" class="primary">
                一键脱敏
              </button>
            </form>
          ) : null}
        </div>
      ) : can.edit ? (
        <p class="muted" id="scan-ok">
          保密审查：未发现身份证号、手机号、银行卡号等内容。
        </p>
      ) : null}
      {can.edit ? (
        <>
          <form method="post" action={base(id)} data-autosave={`${base(id)}/autosave`} novalidate>
            <Csrf token={csrf} />
            <input type="hidden" name="version" value={String(item.version)} />
            <div class="field">
              <label for="f-title">标题</label>
              <input id="f-title" name="title" value={props.title ?? item.title} />
            </div>
            <div class={form.errors.noticeDays ? 'field has-error' : 'field'}>
              <label for="f-noticeDays">公示期（天）</label>
              <input
                id="f-noticeDays"
                name="noticeDays"
                inputMode="numeric"
                value={props.noticeDays ?? String(item.noticeDays)}
              />
              <p class="hint">
                模板规定至少{template.minNoticeDays}天
                {template.offlineNote ? `；${template.offlineNote}` : ''}
              </p>
              {form.errors.noticeDays ? <p class="error">{form.errors.noticeDays}</p> : null}
            </div>
            <ValuesForm fields={template.fields} raw={raw} errors={form.errors} />
            <p class="vd-save-state" aria-live="polite"></p>
            <div class="vd-actions">
              <button type="submit" name="_action" value="save">
                保存草稿
              </button>
              <button type="submit" name="_action" value="submit" class="primary">
                提交村务监督委员会审核
              </button>
            </div>
          </form>
          {template.fields.some((f) => f.key === 'lines') ? (
            <form method="post" action={`${base(id)}/import`} enctype="multipart/form-data" class="field">
              <Csrf token={csrf} />
              <label for="f-xlsx">从 Excel 导入收支明细</label>
              <input
                id="f-xlsx"
                type="file"
                name="xlsx"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              />
              <button type="submit">导入</button>
            </form>
          ) : null}
          <form
            method="post"
            action={`${base(id)}/photos`}
            enctype="multipart/form-data"
            class="field"
            id="photo-form"
          >
            <Csrf token={csrf} />
            <label for="f-purpose">照片用途</label>
            <select id="f-purpose" name="purpose">
              {(template.attachments.length ? template.attachments : (['photo'] as const)).map((a) => (
                <option value={a}>{FILE_PURPOSE_LABELS[a]}</option>
              ))}
            </select>
            <label for="f-photo">拍照或选择照片</label>
            <input id="f-photo" type="file" name="photo" accept="image/*" capture="environment" />
            <button type="submit">上传照片</button>
            {form.errors.photo ? <p class="error">{form.errors.photo}</p> : null}
          </form>
        </>
      ) : (
        <ValuesView fields={template.fields} values={values} />
      )}
      {draftPhotos.length ? (
        <>
          <h2>附件照片</h2>
          <ul class="vd-photos">
            {draftPhotos.map((f) => (
              <li>
                <img
                  src={`/office/villages/files/${f.id}`}
                  alt={FILE_PURPOSE_LABELS[f.purpose]}
                  loading="lazy"
                />
                <br />
                {FILE_PURPOSE_LABELS[f.purpose]} · {Math.round(f.size / 1024)}KB
                {can.edit ? (
                  <form method="post" action={`${base(id)}/photos/${f.id}/delete`} class="inline-form">
                    <Csrf token={csrf} />{' '}
                    <button type="submit" class="link-button">
                      删除
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {can.supervise ? (
        <form method="post" action={`${base(id)}/supervise`} id="supervise">
          <h2>村务监督委员会意见</h2>
          <Csrf token={csrf} />
          {(['agree', 'revise', 'disagree'] as const).map((o) => (
            <label class="check">
              <input type="radio" name="opinion" value={o} checked={o === 'agree'} /> {OPINION_LABELS[o]}
            </label>
          ))}
          <div class="field">
            <label for="f-reason">理由（修改、不同意时必填；意见将随事项公开）</label>
            <textarea id="f-reason" name="reason" rows={3}></textarea>
          </div>
          <button type="submit" class="primary">
            签署意见
          </button>
        </form>
      ) : null}
      {item.supervisionOpinion ? (
        <p id="supervision-opinion">
          村务监督委员会意见：<strong>{OPINION_LABELS[item.supervisionOpinion]}</strong>
          {item.supervisionReason ? `（${item.supervisionReason}）` : ''} — {item.supervisionByName}
        </p>
      ) : null}
      {can.review ? (
        <form method="post" action={`${base(id)}/review`} id="township-review">
          <h2>乡镇审核</h2>
          <Csrf token={csrf} />
          <div class="field">
            <label for="f-review-reason">意见（退回时必填）</label>
            <textarea id="f-review-reason" name="reason" rows={2}></textarea>
          </div>
          <div class="vd-actions">
            <button type="submit" name="action" value="approve" class="primary">
              审核通过并公开
            </button>
            <button type="submit" name="action" value="return">
              退回修改
            </button>
          </div>
        </form>
      ) : null}
      {item.status === 'published' ? (
        <section id="board">
          <h2>公开栏</h2>
          <p class="vd-actions">
            <a class="button" href={`${base(id)}/board.pdf?size=A4`}>
              打印公开栏张贴单（A4）
            </a>
            <a class="button" href={`${base(id)}/board.pdf?size=A3`}>
              A3
            </a>
            <a href={`/villages/items/${id}`}>网上公开页面</a>
          </p>
          <p>
            {item.boardPostedAt ? `已张贴：${bjTime(item.boardPostedAt)}` : '尚未上传张贴照片'}
            {item.boardRemovedAt
              ? ` · 已撤下：${bjTime(item.boardRemovedAt)}${item.boardRemovedNote ? `（${item.boardRemovedNote}）` : ''}`
              : ''}
          </p>
          {boardPhotos.length ? (
            <ul class="vd-photos" id="board-photos">
              {boardPhotos.map((f) => (
                <li>
                  <img
                    src={`/office/villages/files/${f.id}`}
                    alt={FILE_PURPOSE_LABELS[f.purpose]}
                    loading="lazy"
                  />
                  <br />
                  {FILE_PURPOSE_LABELS[f.purpose]}：拍摄时间{' '}
                  {f.takenAt ? bjTime(f.takenAt) : '照片未记录（以上传时间为准）'}
                  {f.latitude ? ` · 位置 ${f.latitude}, ${f.longitude}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          {can.recordBoard ? (
            <>
              <form
                method="post"
                action={`${base(id)}/photos`}
                enctype="multipart/form-data"
                class="field"
                id="board-photo-form"
              >
                <Csrf token={csrf} />
                <input
                  type="hidden"
                  name="purpose"
                  value={item.boardPostedAt ? 'board_removed' : 'board_posted'}
                />
                <label for="f-board">
                  {item.boardPostedAt ? '公示期满撤下后拍照' : '拍摄公开栏张贴照片'}
                </label>
                <input id="f-board" type="file" name="photo" accept="image/*" capture="environment" />
                <button type="submit">上传</button>
              </form>
              {item.boardPostedAt && !item.boardRemovedAt ? (
                <form method="post" action={`${base(id)}/board-removed`} class="field">
                  <Csrf token={csrf} />
                  <label for="f-removed">或登记撤下（不拍照）</label>
                  <input id="f-removed" name="note" placeholder="如：公示期满，已撤下" />
                  <button type="submit">登记撤下</button>
                </form>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
      <section id="objections">
        <h2>村民质询和异议</h2>
        {objections.length === 0 ? <p class="muted">暂无。</p> : null}
        {objections.map((o) => (
          <div class="field" data-status={o.status}>
            <p>
              {maskedName(o.name)} · {bjTime(o.createdAt)} ·{' '}
              <strong>{OBJECTION_STATUS_LABELS[o.status]}</strong>（答复期限{o.answerDueOn}）
              {o.hasPhone ? ' · 已留电话（不公开，请在“组织与用户”外线下联系）' : ''}
            </p>
            <p class="prewrap">{o.body}</p>
            {o.answer ? (
              <p>
                村委会答复（{o.answeredByName}）：{o.answer}
              </p>
            ) : null}
            {o.outcome ? (
              <p>
                乡镇调查处理（{o.outcomeByName}）：{o.outcome}
              </p>
            ) : null}
            {o.canAnswer ? (
              <form method="post" action={`/office/villages/objections/${o.id}/answer`}>
                <Csrf token={csrf} />
                <label for={`a-${o.id}`}>答复</label>
                <textarea id={`a-${o.id}`} name="answer" rows={3}></textarea>
                <button type="submit">答复村民</button>
              </form>
            ) : null}
            {o.canOutcome ? (
              <form method="post" action={`/office/villages/objections/${o.id}/outcome`}>
                <Csrf token={csrf} />
                <label for={`o-${o.id}`}>调查处理结果（第三十一条）</label>
                <textarea id={`o-${o.id}`} name="outcome" rows={3}></textarea>
                <label class="check">
                  <input type="checkbox" name="orderDisclosure" value="1" /> 责令村民委员会依法公布
                </label>
                <button type="submit">登记调查处理结果</button>
              </form>
            ) : null}
          </div>
        ))}
      </section>
      <section>
        <h2>办理记录</h2>
        <ol id="steps">
          {steps.map((s) => (
            <li>
              {bjTime(s.signedAt)} {STEP_LABELS[s.step] ?? s.step}：{ACTION_LABELS[s.action] ?? s.action} —{' '}
              {s.userName}
              {s.reason ? `（${s.reason}）` : ''}
            </li>
          ))}
        </ol>
        <p class="muted">依据：{template.legalBasis}</p>
      </section>
    </div>
  );
}
