/** The portal's 互动交流 reading pages: the FAQ, the 留言须知 (deadlines, 不予受理 reasons) and the monthly figures. */
import type { App, C } from '../../app-env.ts';
import { publicPage, portalAgency } from '../../public-page.tsx';
import { FiguresTable } from '../../views/inquiry-charts.tsx';
import { DomainError } from '../../../errors.ts';
import type { Agency } from '../../../org/org.ts';
import { getInquirySettings } from '../../../inquiries/settings.ts';
import { listFaqs } from '../../../inquiries/publish-inquiry.ts';
import { publishedFigures } from '../../../inquiries/figures.queries.ts';
import { officeNames } from '../../../inquiries/inquiries.queries.ts';
import { REJECT_REASONS, REJECT_REASON_LABELS } from '../../../inquiries/inquiry.ts';

/** The portal's agency, or a plain refusal when none is set up yet. */
export async function requireAgency(c: C): Promise<Agency> {
  const a = await portalAgency(c);
  if (!a) throw new DomainError('invalid_state', '本系统尚未设置机关，暂不能留言');
  return a;
}

/** The 互动交流 section tabs. */
export function Tabs() {
  return (
    <nav class="filters" aria-label="互动交流栏目">
      <a class="button primary" href="/inquiries/ask">
        我要留言
      </a>{' '}
      <a class="button" href="/inquiries/track">
        留言查询
      </a>{' '}
      <a href="/inquiries">留言选登</a> · <a href="/inquiries/faq">常见问题</a> ·{' '}
      <a href="/comment-calls">意见征集</a> · <a href="/inquiries/figures">办理情况统计</a> ·{' '}
      <a href="/inquiries/rules">留言须知</a>
    </nav>
  );
}

/** GET /inquiries/faq, /inquiries/rules, /inquiries/figures. */
export function inquiryInfoRoutes(app: App): void {
  app.get('/inquiries/faq', async (c) => {
    const agency = await requireAgency(c);
    const faqs = await listFaqs(c.get('deps').db, agency.id, true);
    return publicPage(
      c,
      '常见问题',
      <>
        <h1>常见问题</h1>
        <Tabs />
        {faqs.length === 0 ? (
          <p class="empty">暂无常见问题</p>
        ) : (
          faqs.map((q) => (
            <section id={`faq-${q.id}`} class="card">
              <h2>{q.question}</h2>
              <p class="prewrap" style="white-space:pre-wrap">
                {q.answer}
              </p>
            </section>
          ))
        )}
      </>,
    );
  });

  app.get('/inquiries/rules', async (c) => {
    const agency = await requireAgency(c);
    const s = await getInquirySettings(c.get('deps').db, agency.id);
    return publicPage(
      c,
      '留言须知',
      <>
        <h1>留言须知</h1>
        <Tabs />
        <h2>答复期限</h2>
        <p>
          自收到留言之日起，咨询{s.replyDays.question}个工作日、建议{s.replyDays.suggestion}个工作日、投诉
          {s.replyDays.complaint}
          个工作日、求助{s.replyDays.help}个工作日内答复；情况复杂的可延期一次，并告知延期理由。答复后
          {s.reopenDays}
          日内，问题未解决的可以申请重新办理。
        </p>
        <h2>不予受理的情形</h2>
        <ol>
          {REJECT_REASONS.map((r) => (
            <li>{REJECT_REASON_LABELS[r]}</li>
          ))}
        </ol>
        <h2>其他渠道</h2>
        <p>{s.petitionGuide}</p>
        <p>
          申请获取政府信息，请通过“依申请公开”提出；不属于本机关职责的事项，我们将转有关单位或12345热线办理并告知您。
        </p>
        <h2>个人信息</h2>
        <p>
          您的姓名、手机号码和邮箱只用于办理和告知，任何情况下都不会公开；公开的留言会遮盖身份证号、电话、详细住址等个人信息。
        </p>
      </>,
    );
  });

  app.get('/inquiries/figures', async (c) => {
    const agency = await requireAgency(c);
    const months = await publishedFigures(c.get('deps').db, agency.id, 12);
    const names = await officeNames(c.get('deps').db, agency.id);
    return publicPage(
      c,
      '办理情况统计',
      <>
        <h1>留言办理情况统计</h1>
        <Tabs />
        <p class="muted">
          每月初公布上月收到留言的办理情况。回复率、按期答复率、解决率（以留言人评价为准，未评价不计为解决）、满意率均为百分比。
        </p>
        {months.length === 0 ? (
          <p class="empty">暂无统计</p>
        ) : (
          months.map((m) => <FiguresTable month={m} names={names} />)
        )}
      </>,
    );
  });
}
