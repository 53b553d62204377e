/**
 * The daily checks over what exists in every installation: 主动公开 timeliness (条例第二十六条), stale and blank
 * catalogue columns (国办秘函〔2019〕19号: 动态 2 weeks, 通知公告/政策文件 6 months, 空白栏目), 依申请公开 near or
 * past the reply deadline (条例第三十三条), broken links in published items (internal always, external when
 * configured, bounded), the agency's 错敏词 list and leaders' roster against published text, and — for a county —
 * the report checker's errors on each township's annual report.
 */
import crypto from 'node:crypto';
import type { Ctx } from '../../context.ts';
import type { Agency } from '../../org/org.ts';
import { parseJson, toNumber } from '../../db/values.ts';
import { addDays } from '../../calendar/dates.ts';
import { getCalendar } from '../../calendar/get-calendar.ts';
import { OPEN_STATES } from '../../requests/index.ts';
import type { CheckHit, CheckProvider } from '../check-provider.ts';
import type { SupervisionSettings } from '../supervision.queries.ts';
import { cutChars } from '../../text/cut.ts';

const pubLink = (id: number) => `/office/publications/${id}`;

async function publishedItems(ctx: Ctx, agencyId: number) {
  return ctx.db
    .selectFrom('publications')
    .select(['id', 'title', 'office_id', 'created_by', 'body_html', 'body_text', 'published_on', 'due_on'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive')
    .execute();
}

/** Unpublished items past their 20-working-day due date (published late ones are history, counted elsewhere). */
export const latePublications: CheckProvider = {
  kind: 'late_publication',
  label: '主动公开超过20个工作日',
  async run(ctx, agency) {
    const rows = await ctx.db
      .selectFrom('publications')
      .select(['id', 'title', 'office_id', 'created_by', 'due_on', 'formed_on'])
      .where('agency_id', '=', agency.id)
      .where('status', 'in', ['draft', 'in_review', 'returned', 'approved'])
      .where('attribute', '=', 'proactive')
      .where('due_on', '<', ctx.clock.today())
      .execute();
    return rows.map((r): CheckHit => ({
      key: `late_publication:${r.id}`,
      kind: 'problem',
      title: `主动公开超期未公开：${r.title}`,
      description: `该信息形成于${r.formed_on}，应于${r.due_on}前公开（《条例》第二十六条：自形成或者变更之日起20个工作日内公开），至今未公开。`,
      unitKind: r.office_id != null ? 'office' : 'agency',
      unitId: r.office_id != null ? toNumber(r.office_id) : null,
      responsibleUserId: toNumber(r.created_by),
      link: pubLink(toNumber(r.id)),
      rectifyDays: 5,
    }));
  },
};

/** Column thresholds of 国办秘函〔2019〕19号 by catalogue code (days without a new item). */
export const COLUMN_THRESHOLDS: Record<string, { days: number; label: string }> = {
  work_news: { days: 14, label: '动态类栏目超过2周未更新' },
  notices: { days: 183, label: '通知公告类栏目超过6个月未更新' },
  policy_documents: { days: 183, label: '政策文件类栏目超过6个月未更新' },
};

export const staleColumns: CheckProvider = {
  kind: 'stale_column',
  label: '栏目长期未更新或空白',
  async run(ctx, agency) {
    const today = ctx.clock.today();
    const cats = await ctx.db
      .selectFrom('pub_categories')
      .select(['id', 'code', 'name'])
      .where('agency_id', '=', agency.id)
      .where('is_active', '=', 1)
      .where('code', 'in', Object.keys(COLUMN_THRESHOLDS))
      .execute();
    const hits: CheckHit[] = [];
    for (const c of cats) {
      const t = COLUMN_THRESHOLDS[c.code]!;
      const last = await ctx.db
        .selectFrom('publications')
        .select((eb) => eb.fn.max('published_on').as('last'))
        .where('category_id', '=', c.id)
        .where('status', '=', 'published')
        .where('attribute', '=', 'proactive')
        .executeTakeFirst();
      const lastOn = (last?.last as string | null) ?? null;
      if (lastOn && addDays(lastOn, t.days) >= today) continue;
      hits.push({
        key: `stale_column:${c.id}`,
        kind: 'problem',
        title: lastOn ? `“${c.name}”栏目${t.label.replace(/^.*?栏目/, '')}` : `“${c.name}”为空白栏目`,
        description: lastOn
          ? `“${c.name}”最近一次更新为${lastOn}。国办秘函〔2019〕19号《全国政府网站抽查评估指标》：${t.label}。`
          : `“${c.name}”栏目至今没有任何已公开的信息。国办秘函〔2019〕19号《全国政府网站抽查评估指标》：存在空白栏目。`,
        unitKind: 'agency',
        unitId: null,
        responsibleUserId: null,
        link: `/catalogue/${c.code}`,
      });
    }
    return hits;
  },
};

/** Requests past their deadline become problems; those due within 3 working days remind their handler. */
export const requestDeadlines: CheckProvider = {
  kind: 'request_deadline',
  label: '依申请公开临近或超过答复期限',
  async run(ctx, agency) {
    const today = ctx.clock.today();
    const soon = (await getCalendar(ctx.db, agency.id)).addWorkdays(today, 3);
    const rows = await ctx.db
      .selectFrom('info_requests')
      .select(['id', 'reference', 'due_on', 'handler_id', 'office_id', 'status'])
      .where('agency_id', '=', agency.id)
      .where('status', 'in', [...OPEN_STATES])
      .where('due_on', 'is not', null)
      .where('due_on', '<=', soon)
      .execute();
    return rows.map((r): CheckHit => {
      const overdue = r.due_on! < today;
      return {
        key: `request_deadline:${r.id}`,
        kind: overdue ? 'problem' : 'reminder',
        title: overdue
          ? `依申请公开答复超期：${r.reference}`
          : `依申请公开即将到期：${r.reference}（${r.due_on}前答复）`,
        description: `申请${r.reference}的答复期限为${r.due_on}（《条例》第三十三条）。`,
        unitKind: r.office_id != null ? 'office' : 'agency',
        unitId: r.office_id != null ? toNumber(r.office_id) : null,
        responsibleUserId: r.handler_id != null ? toNumber(r.handler_id) : null,
        link: `/office/requests/${r.id}`,
        notifyUserIds: r.handler_id != null ? [toNumber(r.handler_id)] : [],
        rectifyDays: 3,
      };
    });
  },
};

/** hrefs of an item's body. */
export function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href\s*=\s*["']([^"']+)["']/gi)) out.push(m[1]!);
  return [...new Set(out)];
}

/** External addresses checked in one run, across all agencies of the process (bounded and spaced). */
async function externalAnswers(url: string): Promise<boolean> {
  try {
    const ctl = AbortSignal.timeout(8000);
    let r = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: ctl });
    if (r.status === 405 || r.status === 501)
      r = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(8000) });
    return r.status < 400;
  } catch {
    return false;
  }
}

export const brokenLinks: CheckProvider = {
  kind: 'broken_link',
  label: '已发布信息中的链接不可用',
  async run(ctx, agency, settings: SupervisionSettings) {
    const items = await publishedItems(ctx, agency.id);
    const publicIds = new Set(items.map((i) => toNumber(i.id)));
    const hits: CheckHit[] = [];
    let external = 0;
    for (const it of items) {
      for (const href of linksOf(it.body_html)) {
        let broken = false;
        const internal = /^\/publications\/(\d+)/.exec(href);
        if (internal) broken = !publicIds.has(Number(internal[1]));
        else if (
          /^https?:\/\//.test(href) &&
          settings.checkExternalLinks &&
          external < settings.externalLinkLimit
        ) {
          external++;
          broken = !(await externalAnswers(href));
          // Rate limit: one external request at a time, spaced by half a second.
          await new Promise((r) => setTimeout(r, 500));
        }
        if (!broken) continue;
        hits.push({
          key: `broken_link:${it.id}:${href}`,
          kind: 'problem',
          title: `链接不可用：${it.title}`,
          description: `已发布信息“${it.title}”中的链接“${href}”无法打开（国办秘函〔2019〕19号：链接不可用）。`,
          unitKind: it.office_id != null ? 'office' : 'agency',
          unitId: it.office_id != null ? toNumber(it.office_id) : null,
          responsibleUserId: toNumber(it.created_by),
          link: pubLink(toNumber(it.id)),
        });
      }
    }
    return hits;
  },
};

export const sensitiveWords: CheckProvider = {
  kind: 'sensitive_words',
  label: '错敏词',
  async run(ctx, agency, settings) {
    if (!settings.sensitiveWords.length) return [];
    const hits: CheckHit[] = [];
    for (const it of await publishedItems(ctx, agency.id)) {
      const text = `${it.title}\n${it.body_text}`;
      for (const w of settings.sensitiveWords) {
        if (!text.includes(w)) continue;
        hits.push({
          key: `sensitive_words:${it.id}:${w}`,
          kind: 'problem',
          title: `错敏词“${w}”：${it.title}`,
          description: `已发布信息“${it.title}”中出现错敏词“${w}”，请更正后重新发布。`,
          unitKind: it.office_id != null ? 'office' : 'agency',
          unitId: it.office_id != null ? toNumber(it.office_id) : null,
          responsibleUserId: toNumber(it.created_by),
          link: pubLink(toNumber(it.id)),
        });
      }
    }
    return hits;
  },
};

/**
 * A roster name written with another roster post just before it (“副乡长张三” where 张三 is 乡长): the wrong post for
 * that leader. The longest post that ends right before the name is taken, so 副乡长 is not read as 乡长.
 */
export function rosterMismatches(
  text: string,
  leaders: SupervisionSettings['leaders'],
): { name: string; written: string; post: string }[] {
  const posts = [...new Set(leaders.map((l) => l.post))].sort((a, b) => b.length - a.length);
  const out: { name: string; written: string; post: string }[] = [];
  for (const l of leaders) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(l.name, from);
      if (at < 0) break;
      from = at + l.name.length;
      const before = text.slice(Math.max(0, at - 12), at);
      const written = posts.find((p) => before.endsWith(p));
      if (written && written !== l.post && !leaders.some((x) => x.name === l.name && x.post === written))
        out.push({ name: l.name, written, post: l.post });
    }
  }
  return out;
}

export const leaderRoster: CheckProvider = {
  kind: 'leader_roster',
  label: '领导姓名职务',
  async run(ctx, agency, settings) {
    if (!settings.leaders.length) return [];
    const hits: CheckHit[] = [];
    for (const it of await publishedItems(ctx, agency.id)) {
      for (const m of rosterMismatches(`${it.title}\n${it.body_text}`, settings.leaders)) {
        hits.push({
          key: `leader_roster:${it.id}:${m.name}:${m.written}`,
          kind: 'problem',
          title: `领导职务表述错误：${it.title}`,
          description: `“${m.written}${m.name}”与领导名单不符（${m.name}的职务为${m.post}）。国办秘函〔2019〕19号：领导姓名、职务错误属严重表述错误。`,
          unitKind: it.office_id != null ? 'office' : 'agency',
          unitId: it.office_id != null ? toNumber(it.office_id) : null,
          responsibleUserId: toNumber(it.created_by),
          link: pubLink(toNumber(it.id)),
          rectifyDays: 3,
        });
      }
    }
    return hits;
  },
};

/** For a county: the checker's errors on each township's latest annual report become problems in its ledger. */
export const townshipReportFindings: CheckProvider = {
  kind: 'report_findings',
  label: '乡镇年报体检问题',
  appliesTo: (a: Agency) => a.kind === 'county',
  async run(ctx, agency) {
    const year = Number(ctx.clock.today().slice(0, 4)) - 1;
    const rows = await ctx.db
      .selectFrom('annual_reports')
      .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
      .select([
        'annual_reports.id',
        'annual_reports.agency_id',
        'annual_reports.findings_json',
        'agencies.name',
      ])
      .where('agencies.parent_id', '=', agency.id)
      .where('agencies.kind', '=', 'township')
      .where('annual_reports.year', '=', year)
      .execute();
    const hits: CheckHit[] = [];
    for (const r of rows) {
      const findings = parseJson<{ rule: string; severity: string; message: string }[]>(r.findings_json, []);
      const seen = new Set<string>();
      for (const f of findings.filter((x) => x.severity === 'error')) {
        const key = `report_findings:${r.id}:${f.rule}:${crypto.createHash('sha1').update(f.message).digest('hex').slice(0, 10)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({
          key,
          kind: 'problem',
          title: `${year}年度报告体检问题：${cutChars(f.message, 60)}`,
          description: `${r.name}${year}年政府信息公开工作年度报告经体检发现：${f.message}（规则${f.rule}）。`,
          unitKind: 'agency',
          unitId: null,
          responsibleUserId: null,
          link: `/office/annual-reports`,
          agencyId: toNumber(r.agency_id),
          rectifyDays: 15,
        });
      }
    }
    return hits;
  },
};

export const CORE_PROVIDERS: CheckProvider[] = [
  latePublications,
  staleColumns,
  requestDeadlines,
  brokenLinks,
  sensitiveWords,
  leaderRoster,
  townshipReportFindings,
];
