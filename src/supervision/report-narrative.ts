/**
 * The annual report's passages on 监督保障 (一（五）) and on problems and 整改 (五), written from SupervisionFacts.
 * Every number is a count from the records; nothing is invented, and counts are worded so the checker's
 * request-count readings (“收到申请…件”) never pick them up. Pure.
 */
import type { SupervisionFacts } from './report-facts.ts';

const ORD = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 一（五）监督保障. */
export function supervisionParagraph(f: SupervisionFacts, isPeoplesGovernment: boolean): string {
  const out: string[] = [];
  const t = f.trainings;
  if (t.superior + t.township > 0)
    out.push(
      `本年度组织政务公开工作人员和村级信息联络员参加上级业务培训${t.superior}次，开展乡级业务培训${t.township}次，累计参训${t.attendees}人次` +
        (t.topics.length
          ? `，内容包括${t.topics
              .slice(0, 3)
              .map((x) => `“${x}”`)
              .join('、')}等`
          : '') +
        '。',
    );
  else out.push('本年度未组织或参加政务公开业务培训。');
  const p = f.problems;
  const i = f.inspections;
  const parts: string[] = [];
  parts.push(
    i.count
      ? `开展政务公开专项督查${i.count}次，督查站办所和村${i.targets}个（次）`
      : '本年度未开展政务公开专项督查',
  );
  parts.push('通过每日巡查对公开时限、栏目更新、链接可用性、错敏词和领导姓名职务等进行自动检查');
  if (p.found) {
    const src = [
      i.problems ? `专项督查发现${i.problems}个` : '',
      p.fromDailyCheck ? `每日巡查发现${p.fromDailyCheck}个` : '',
      p.fromCounty ? `上级督查发现${p.fromCounty}个` : '',
    ].filter(Boolean);
    parts.push(
      `全年发现问题${p.found}个${src.length ? `（${src.join('、')}）` : ''}，实行台账管理、销号整改，已整改销号${p.closed}个，其中按期整改${p.closedOnTime}个`,
    );
    if (p.followUps)
      parts.push(
        `对销号问题开展“回头看”${p.followUps}次${p.followUpsRecurred ? `，发现问题反弹${p.followUpsRecurred}次，已重新交办整改` : '，未发现问题反弹'}`,
      );
    parts.push(
      p.open
        ? `截至年底尚有${p.open}个问题正在整改，其中超过整改期限${p.overdue}个`
        : '发现的问题均已整改到位',
    );
  } else parts.push('全年未发现需整改的问题');
  out.push(`${parts.join('；')}。`);
  const e = f.evaluation;
  out.push(
    e.responses
      ? `组织${e.groups.length ? e.groups.join('、') : '群众代表'}开展社会评议，共收回评议表${e.responses}份，平均得分${e.average}分（满分5分）。`
      : '本年度未开展社会评议。',
  );
  if (isPeoplesGovernment || f.assessment) {
    const a = f.assessment;
    out.push(
      a
        ? `将政务公开工作纳入年度目标责任考核，依据系统记录的公开时效、按期答复、按期整改和问题反弹情况，对${a.units}个站办所和村进行考核，平均得分${a.average}分${a.final ? '' : '（考核结果待最终确定）'}。`
        : '本年度尚未开展政务公开工作考核。',
    );
  }
  out.push(
    f.accountability.length
      ? `本年度政府信息公开工作责任追究${f.accountability.length}起：${f.accountability.map((x) => `${x.person}因${x.matter}，依据${x.basis}，${x.measure}`).join('；')}。`
      : '本年度未发生政府信息公开工作责任追究情况。',
  );
  return out.join('');
}

/** 五: last year's problems and how they were fixed, this year's open ones. */
export function lastYearAndOpenParagraph(f: SupervisionFacts): string {
  const out: string[] = [];
  const ly = f.lastYear;
  if (ly.length) {
    const done = ly.filter((x) => x.closedOn);
    const open = ly.filter((x) => !x.closedOn);
    out.push(
      `上年度报告所列问题整改情况：上年度存在的${ly.length}个问题均已纳入整改台账，已整改销号${done.length}个` +
        (done.length
          ? `（${done.map((x, k) => `${ORD[k] ?? k + 1}是${x.title}，${x.note ? `${x.note}，` : ''}于${md(x.closedOn!)}销号`).join('；')}）`
          : '') +
        (open.length
          ? `；尚在整改${open.length}个（${open.map((x) => `${x.title}，整改期限${x.deadline}`).join('；')}）`
          : '') +
        '。',
    );
  } else out.push('上年度报告所列问题整改情况：整改台账中无上年度遗留问题。');
  const p = f.problems;
  if (p.found)
    out.push(
      p.open
        ? `本年度督查和巡查发现问题${p.found}个，截至年底尚有${p.open}个未整改到位：${p.openList
            .slice(0, 6)
            .map((x) => `${x.unit}${x.title}`)
            .join('；')}${p.openList.length > 6 ? '等' : ''}。`
        : `本年度督查和巡查发现问题${p.found}个，均已整改到位。`,
    );
  return out.join('\n');
}

/** 五: the next steps, each tied to what the records show. */
export function improvementParagraph(f: SupervisionFacts, lateProactive: number): string {
  const steps: string[] = [];
  const p = f.problems;
  if (p.open)
    steps.push(
      `对尚未整改到位的${p.open}个问题逐一明确责任单位、责任人和整改时限，整改完成后由第二人复核销号并组织“回头看”`,
    );
  if (p.recurring)
    steps.push(`对“回头看”中发现反弹的${p.recurring}个问题查找根源，建立长效机制，防止问题反弹`);
  if (lateProactive)
    steps.push('严格落实信息形成或变更之日起20个工作日内公开的要求，通过每日巡查提前提醒到责任人');
  steps.push('坚持每日巡查、每周提醒、每月通报，每季度对各站办所和各村开展专项督查，持续加强业务培训');
  return `下一步，${steps.map((s, k) => `${ORD[k]}是${s}`).join('；')}。`;
}
