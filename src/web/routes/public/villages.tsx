/**
 * Public village pages (村民委员会组织法第三十条): the villages, each village's 党务/村务/财务 items by period, an item
 * with its 监委会 opinion, its history (review steps, board photos, objections) and the objection form the QR code
 * leads to. Personal lists disappear once their 公示期 is over (still in the archive for the township). Works
 * without JavaScript; large-font (适老化) mode comes from the layout.
 */
import type { App, C } from '../../app-env.ts';
import { publicPage, portalAgency } from '../../public-page.tsx';
import { formData, str } from '../../form.ts';
import { Csrf, FormError, type FormState } from '../../views/forms.tsx';
import { redirectWithFlash } from '../../render.tsx';
import { DomainError, isDomainError, NotFoundError, type ValidationError } from '../../../errors.ts';
import { takeToken } from '../../../auth/rate-limit.ts';
import { listVillages } from '../../../org/org.queries.ts';
import {
  listPublishedItemHeads,
  findDisclosure,
  getTemplate,
  listFiles,
  listSteps,
  listVillageDisclosures,
  villageOf,
  FILE_PURPOSE_LABELS,
} from '../../../villages/villages.queries.ts';
import { findDisclosureFile } from '../../../villages/index.ts';
import { hasPersonalData, parseValues, photosOffline } from '../../../villages/item-template.ts';
import { financeSummary } from '../../../villages/finance-summary.ts';
import {
  isNoticeOver,
  KIND_LABELS,
  KINDS,
  OPINION_LABELS,
  periodLabel,
} from '../../../villages/village-disclosure.ts';
import { listObjections, OBJECTION_STATUS_LABELS, raiseObjection } from '../../../villages/objections.ts';
import { getVillageSettings } from '../../../villages/village-settings.ts';
import { openStored, sendStored } from '../../stored-file.ts';
import { ValuesView } from '../../../villages/views/item-views.tsx';
import { ExpenseBars } from '../../../villages/views/charts.tsx';
import { bjTime, maskedName, VillageAssets } from '../../../villages/views/common.tsx';
import { publishedListMarkup } from '../../../villages/views/published-list.ts';
import { redirectToOwnColumn } from '../../portal-scope.ts';
import { requestUrl } from '../../request-url.ts';

/** `redirectToOwnColumn`, or not found when the owner has no column. */
async function toOwnColumn(c: C, agencyId: number, path: string, what: string): Promise<Response | null> {
  if ((await portalAgency(c))?.id === agencyId) return null;
  const moved = await redirectToOwnColumn(c, agencyId, path);
  if (!moved) throw new NotFoundError(what);
  return moved;
}

async function indexPage(c: C) {
  const agency = await portalAgency(c);
  const villages = agency ? await listVillages(c.get('deps').db, agency.id) : [];
  return publicPage(
    c,
    '村级公开',
    <>
      <VillageAssets />
      <h1>村级公开</h1>
      <p>各村党务、村务、财务公开（《村民委员会组织法》第三十条）。点击村名查看。</p>
      <ul class="vd-cards" id="villages">
        {villages.map((v) => (
          <li>
            <a href={`/villages/${v.id}`}>{v.name}</a>
          </li>
        ))}
      </ul>
    </>,
  );
}

async function villagePage(c: C, id: number) {
  const v = await villageOf(c.get('deps').db, id).catch(() => null);
  if (!v) throw new NotFoundError('村不存在');
  const moved = await toOwnColumn(c, v.agencyId, `/villages/${id}${requestUrl(c).search}`, '村不存在');
  if (moved) return moved;
  // The current year only when the address names none (the clock's date costs more than the page's own query).
  const year = Number(c.req.query('year')) || Number(c.get('ctx').clock.today().slice(0, 4));
  const items = await listPublishedItemHeads(c.get('deps').db, id, year);
  return publicPage(
    c,
    `${v.name}村级公开`,
    <>
      <VillageAssets />
      <p>
        <a href="/villages">村级公开</a>
      </p>
      <h1>{v.name}</h1>
      <form method="get" class="vd-actions">
        <select name="year" aria-label="年度">
          {[0, 1, 2, 3].map((k) => (
            <option value={String(year - k)} selected={k === 0}>
              {year - k}年
            </option>
          ))}
        </select>
        <button type="submit">查看</button>
      </form>
      {KINDS.map((k) => {
        const list = items.filter((i) => i.kind === k);
        return (
          <section id={`kind-${k}`}>
            <h2>
              {KIND_LABELS[k]}（{list.length}）
            </h2>
            {list.length === 0 ? <p class="muted">{year}年暂无。</p> : null}
            <ul dangerouslySetInnerHTML={{ __html: publishedListMarkup(list) }} />
          </section>
        );
      })}
    </>,
  );
}

async function itemPage(c: C, id: number, form?: FormState, status = 200) {
  const db = c.get('deps').db;
  const item = await findDisclosure(db, id);
  if (!item || item.status !== 'published') throw new NotFoundError('公开事项不存在');
  // A form sent back with its errors is shown where it was sent from, so nothing the villager typed is lost (the
  // objection itself belongs to the item, whichever column it came through).
  const moved = form ? null : await toOwnColumn(c, item.agencyId, `/villages/items/${id}`, '公开事项不存在');
  if (moved) return moved;
  const [template, village, steps, files, objections, settings] = await Promise.all([
    getTemplate(db, item.templateId),
    villageOf(db, item.villageId),
    listSteps(db, id),
    listFiles(db, id),
    listObjections({ db }, { disclosureId: id }),
    getVillageSettings(db, item.agencyId),
  ]);
  const { values } = parseValues(template, item.raw);
  const today = c.get('ctx').clock.today();
  const hidePersonal = isNoticeOver(item.noticeEndOn, today);
  const noPhotos = photosOffline(template.fields, item.noticeEndOn, today);
  let summary = null;
  if (item.kind === 'finance' && template.fields.some((f) => f.key === 'lines')) {
    const prev = (await listVillageDisclosures(db, item.villageId, { publishedOnly: true, limit: 50 })).find(
      (x) => x.code === item.code && x.period != null && item.period != null && x.period < item.period,
    );
    summary = financeSummary(values, prev ? parseValues(template, prev.raw).values : null);
  }
  const f = form ?? { values: {}, errors: {} };
  return publicPage(
    c,
    item.title,
    <>
      <VillageAssets />
      <p>
        <a href={`/villages/${village.id}`}>{village.name}</a> · {KIND_LABELS[item.kind]}
      </p>
      <h1>{item.title}</h1>
      <p>
        公开日期：{item.publishedOn}
        {item.period ? ` · 期间：${periodLabel(item.period)}` : ''}
        {item.noticeEndOn ? ` · 公示期至${item.noticeEndOn}` : ''}
      </p>
      {summary ? (
        <section class="vd-summary" id="finance-summary">
          <h2>一看就懂</h2>
          {summary.sentences.map((s) => (
            <p>{s}</p>
          ))}
          {summary.largestExpenses.length ? (
            <ExpenseBars
              items={summary.largestExpenses.map((x) => ({ label: x.summary, yuan: x.amount / 100 }))}
            />
          ) : null}
        </section>
      ) : null}
      <ValuesView
        fields={template.fields}
        values={values}
        hidePersonal={hidePersonal}
        offlineNote={template.offlineNote}
      />
      {item.supervisionOpinion ? (
        <p id="supervision-opinion">
          <strong>村务监督委员会意见：{OPINION_LABELS[item.supervisionOpinion]}</strong>
          {item.supervisionReason ? `（${item.supervisionReason}）` : ''}
        </p>
      ) : null}
      {files.length && noPhotos ? (
        <p class="muted" id="photos-offline">
          公示期已满，含个人信息的照片已从网上撤下（存档备查）。
        </p>
      ) : null}
      {files.length ? (
        <ul class="vd-photos">
          {files.map((x) => (
            <li>
              {noPhotos ? null : (
                <>
                  <img src={`/villages/files/${x.id}`} alt={FILE_PURPOSE_LABELS[x.purpose]} loading="lazy" />
                  <br />
                </>
              )}
              {FILE_PURPOSE_LABELS[x.purpose]}
              {x.takenAt ? ` · ${bjTime(x.takenAt)}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <section id="history">
        <h2>办理经过</h2>
        <ol>
          {steps.map((s) => (
            <li>
              {bjTime(s.signedAt)}{' '}
              {s.step === 'submit'
                ? '村信息联络员提交'
                : s.step === 'supervision'
                  ? `村务监督委员会：${OPINION_LABELS[s.action as 'agree'] ?? s.action}`
                  : s.action === 'approve'
                    ? '乡镇审核通过'
                    : '乡镇退回修改'}
            </li>
          ))}
        </ol>
      </section>
      <section id="objections">
        <h2>村民质询（{objections.length}）</h2>
        {objections.map((o) => (
          <div class="field">
            <p>
              {maskedName(o.name)} · {bjTime(o.createdAt)} · {OBJECTION_STATUS_LABELS[o.status]}
            </p>
            <p class="prewrap">{o.body}</p>
            {o.answer ? <p>村委会答复：{o.answer}</p> : null}
            {o.outcome ? <p>乡镇调查处理：{o.outcome}</p> : null}
          </div>
        ))}
        <form method="post" action={`/villages/items/${id}/objections`} id="objection-form" novalidate>
          <h3>我有疑问</h3>
          <p class="hint">
            村委会应在{settings.answerDays}
            天内答复；逾期未答复的，转乡镇人民政府调查处理（《村民委员会组织法》第三十条、第三十一条）。电话只用于联系您，不会公开。
          </p>
          <Csrf token={c.get('csrf')} />
          <FormError form={f} />
          <div class={f.errors.body ? 'field has-error' : 'field'}>
            <label for="f-body">疑问或异议</label>
            <textarea id="f-body" name="body" rows={4}>
              {str(f.values.body)}
            </textarea>
            {f.errors.body ? <p class="error">{f.errors.body}</p> : null}
          </div>
          <div class={f.errors.name ? 'field has-error' : 'field'}>
            <label for="f-name">姓名{settings.objectionNameRequired ? '' : '（可不填）'}</label>
            <input id="f-name" name="name" value={str(f.values.name)} />
            {f.errors.name ? <p class="error">{f.errors.name}</p> : null}
          </div>
          <div class={f.errors.phone ? 'field has-error' : 'field'}>
            <label for="f-phone">联系电话{settings.objectionPhoneRequired ? '' : '（可不填）'}</label>
            <input id="f-phone" name="phone" type="tel" value={str(f.values.phone)} />
            {f.errors.phone ? <p class="error">{f.errors.phone}</p> : null}
          </div>
          <button type="submit" class="primary">
            提交
          </button>
        </form>
      </section>
    </>,
    status,
  );
}

export function villagePortalRoutes(app: App): void {
  app.get('/villages', (c) => indexPage(c));
  app.get('/villages/:id{[0-9]+}', (c) => villagePage(c, Number(c.req.param('id'))));
  app.get('/villages/items/:id{[0-9]+}', (c) => itemPage(c, Number(c.req.param('id'))));
  app.post('/villages/items/:id{[0-9]+}/objections', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    const ip = c.get('ctx').meta.ip ?? 'unknown';
    try {
      if (
        !(await takeToken(c.get('deps').db, `village-objection:${ip}`, 5, 3600_000, c.get('ctx').clock.now()))
      )
        throw new DomainError('rate_limited', '提交过于频繁，请一小时后再试');
      await raiseObjection(c.get('ctx'), id, { body: str(f.body), name: str(f.name), phone: str(f.phone) });
      return redirectWithFlash(c, `/villages/items/${id}#objections`, '已提交，村委会将按期答复');
    } catch (e) {
      if (isDomainError(e) && (e.code === 'validation' || e.code === 'rate_limited'))
        return itemPage(
          c,
          id,
          {
            values: f,
            errors: e.code === 'validation' ? (e as ValidationError).fieldErrors : {},
            message: e.message,
          },
          400,
        );
      throw e;
    }
  });
  app.get('/villages/files/:id{[0-9]+}', async (c) => {
    const db = c.get('deps').db;
    const f = await findDisclosureFile(db, Number(c.req.param('id')));
    if (!f || f.status !== 'published') throw new NotFoundError();
    const template = await getTemplate(db, f.templateId);
    // Off-line with the lists when the 公示期 ends (photosOffline); until then kept briefly by browsers and proxies,
    // so a copy does not outlive it by a day.
    const personal = hasPersonalData(template.fields);
    if (photosOffline(template.fields, f.noticeEndOn, c.get('ctx').clock.today()))
      throw new NotFoundError('公示期已满，照片已从网上撤下');
    const file = await openStored(c, f.storageKey);
    if (!file) throw new NotFoundError();
    return sendStored(c, file, {
      'Content-Type': 'image/jpeg',
      'Cache-Control': personal ? 'public, max-age=300' : 'public, max-age=86400',
    });
  });
}
