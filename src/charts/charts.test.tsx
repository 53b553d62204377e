import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { render } from 'preact-render-to-string';
import { Chart, chartSummary, chartSvgString, chartTable, SERIES_COLOURS, type ChartSpec } from './index.ts';
import { HEAT_STEPS } from './palette.ts';
import { niceTicks } from './scale.ts';
import { fitLabel, formatValue } from './format.ts';

const MONTHS = ['1月', '2月', '3月', '4月', '5月', '6月'].map((label, i) => ({
  label,
  href: `/office/requests?month=2026-0${i + 1}`,
}));

function parse(spec: ChartSpec) {
  const doc = parseDocument(render(<Chart spec={spec} />), { lowerCaseAttributeNames: false });
  const svg = DomUtils.findOne((e) => e.name === 'svg', doc.children) as Element;
  const table = DomUtils.findOne((e) => e.name === 'table', doc.children) as Element;
  assert.ok(svg, 'an <svg>');
  assert.ok(table, 'a <table>');
  const bodyRows = DomUtils.findAll(
    (e) => e.name === 'tr',
    DomUtils.findAll((e) => e.name === 'tbody', [table]),
  );
  /** table[row][col] = data-value of the td (as number, or null for "no data"). */
  const cells = bodyRows.map((tr) =>
    DomUtils.findAll((e) => e.name === 'td', [tr]).map((td) => ({
      value: td.attribs['data-value'] === '' ? null : Number(td.attribs['data-value']),
      text: DomUtils.textContent(td),
    })),
  );
  const marks = DomUtils.findAll((e) => e.attribs['data-value'] !== undefined, [svg]);
  const texts = DomUtils.findAll(
    (e) =>
      e.name === 'text' &&
      ((e.attribs.class ?? '').includes('gk-value') ||
        ((e.parent as Element | null)?.attribs?.class ?? '').includes('gk-values')),
    [svg],
  ).map((e) => DomUtils.textContent(e));
  return { doc, svg, table, cells, marks, texts };
}

const num = (e: Element, a: string) => Number(e.attribs[a]);

describe('chart kit', () => {
  it('bar: every bar draws the number in its table row, and prints it', () => {
    const spec: ChartSpec = {
      kind: 'bar',
      id: 'req-by-month',
      title: '每月收到申请',
      categories: MONTHS,
      values: [3, 0, 12, 7, 1250, 5],
    };
    const { svg, cells, marks, texts } = parse(spec);
    assert.equal(svg.attribs.viewBox.split(' ')[2], '360');
    assert.equal(svg.attribs.width, '100%');
    assert.equal(svg.attribs['aria-hidden'], 'true');
    assert.equal(marks.length, 6);
    for (const m of marks) assert.equal(num(m, 'data-value'), cells[num(m, 'data-category')][0].value);
    assert.deepEqual(
      cells.map((r) => r[0].text),
      ['3', '0', '12', '7', '1,250', '5'],
    );
    assert.deepEqual(texts, ['3', '0', '12', '7', '1,250', '5']);
    // Bar heights are proportional to the numbers.
    const h = (i: number) => num(marks[i], 'height');
    assert.ok(Math.abs(h(2) / h(0) - 4) < 0.01);
    assert.equal(h(1), 0);
    assert.equal(chartTable(spec).total?.[0].text, '1,277');
  });

  it('bar (horizontal, long labels): full label in the table, shortened in the drawing', () => {
    const long = '机构职能类信息（含领导信息、内设机构、下属单位）';
    const spec: ChartSpec = {
      kind: 'bar',
      id: 'by-cat',
      title: '按目录分类',
      orientation: 'horizontal',
      categories: [{ label: long }, { label: '财政预决算' }],
      values: [40, 9],
    };
    const { doc, cells, marks, texts } = parse(spec);
    const th = DomUtils.findAll((e) => e.name === 'th' && e.attribs.scope === 'row', doc.children).map((e) =>
      DomUtils.textContent(e),
    );
    assert.ok(th.includes(long));
    assert.ok(render(<Chart spec={spec} />).includes(fitLabel(long, 360 * 0.38, 13)));
    assert.deepEqual(
      marks.map((m) => num(m, 'data-value')),
      cells.map((r) => r[0].value),
    );
    assert.deepEqual(texts, ['40', '9']);
  });

  it('stacked bar: each segment is its series cell, the printed total is the 合计 column', () => {
    const spec: ChartSpec = {
      kind: 'stacked-bar',
      id: 'outcomes',
      title: '办理结果',
      categories: MONTHS.slice(0, 3),
      series: [
        { label: '予以公开', values: [4, 0, 6] },
        { label: '部分公开', values: [1, 2, 0] },
        { label: '不予公开', values: [0, 1, 3] },
      ],
    };
    const { cells, marks, texts, svg } = parse(spec);
    assert.equal(marks.length, 9);
    for (const m of marks)
      assert.equal(num(m, 'data-value'), cells[num(m, 'data-category')][num(m, 'data-series')].value);
    assert.deepEqual(
      texts,
      cells.map((r) => r[3].text),
    );
    assert.deepEqual(texts, ['5', '3', '9']);
    // Series after the first carry a hatch pattern as well as a colour (colour is never the only cue).
    const patterns = DomUtils.findAll((e) => e.name === 'pattern', [svg]).map((e) => e.attribs.id);
    assert.deepEqual(patterns, ['outcomes-h1', 'outcomes-h2']);
    assert.equal(DomUtils.findAll((e) => e.attribs.fill === 'url(#outcomes-h2)', [svg]).length, 3 + 1);
    assert.match(
      chartSummary(spec),
      /合计 17，其中予以公开 10（58\.8%），部分公开 3（17\.6%），不予公开 4（23\.5%）。/,
    );
  });

  it('line: points match the table, a null month is a gap and a dash', () => {
    const spec: ChartSpec = {
      kind: 'line',
      id: 'ontime',
      title: '按时答复率',
      format: 'percent',
      categories: MONTHS.slice(0, 4),
      series: [{ label: '按时答复率', values: [1, 0.75, null, 0.9] }],
    };
    const { cells, marks, svg } = parse(spec);
    assert.equal(marks.length, 3);
    for (const m of marks) assert.equal(num(m, 'data-value'), cells[num(m, 'data-category')][0].value);
    assert.deepEqual(
      cells.map((r) => r[0].text),
      ['100%', '75%', '—', '90%'],
    );
    const d = (
      DomUtils.findOne(
        (e) => e.name === 'path' && (e.attribs.class ?? '').includes('gk-line'),
        [svg],
      ) as Element
    ).attribs.d;
    assert.equal((d.match(/M/g) ?? []).length, 2, 'the path restarts after the gap');
    assert.match(chartSummary(spec), /最高「1月」100%，最低「2月」75%；最近一期「4月」90%。/);
    assert.equal(chartTable(spec).total, undefined, 'rates have no 合计');
    assert.equal(
      chartSummary({ ...spec, series: [{ label: '按时答复率', values: [1, null, 1, 1] }] }),
      '按时答复率：有数据的各项均为 100%；最近一期「4月」100%。',
    );
  });

  it('heatmap: each cell shows its number and the row totals are in the table', () => {
    const spec: ChartSpec = {
      kind: 'heatmap',
      id: 'agency-month',
      title: '各单位每月申请',
      rows: [{ label: '甲镇' }, { label: '乙乡', href: '/office/requests?agency=2' }],
      columns: MONTHS.slice(0, 3),
      values: [
        [0, 5, 10],
        [2, 0, 1],
      ],
    };
    const { cells, marks, texts, doc } = parse(spec);
    assert.equal(marks.length, 6);
    for (const m of marks)
      assert.equal(num(m, 'data-value'), cells[num(m, 'data-row')][num(m, 'data-column')].value);
    assert.deepEqual(texts, ['0', '5', '10', '2', '0', '1']);
    assert.deepEqual(
      cells.map((r) => r[3].value),
      [15, 3],
    );
    const links = DomUtils.findAll(
      (e) => e.name === 'a' && e.attribs.href === '/office/requests?agency=2',
      doc.children,
    );
    assert.equal(links.length, 1, 'the row total links to the agency list');
    assert.match(chartSummary(spec), /最大的是「甲镇」「3月」，10。/);
  });

  it('heatmap: labels and links are escaped in the grid (it is built as markup text)', () => {
    const evil = '<script>alert(1)</script>&"x';
    const spec: ChartSpec = {
      kind: 'heatmap',
      id: 'villages',
      title: '各村',
      rows: [{ label: evil }],
      columns: [{ label: '1月' }, { label: '2月' }],
      values: [[1, null]],
      hrefs: [['/office/villages/v/1?a=1&b="2"', undefined]],
    };
    const html = render(<Chart spec={spec} />);
    assert.doesNotMatch(html, /<script>/);
    const doc = parseDocument(html, { lowerCaseAttributeNames: false });
    const marks = DomUtils.findAll(
      (e) => e.name === 'rect' && e.attribs.class === 'gk-heat' && 'data-row' in e.attribs,
      doc.children,
    );
    assert.equal(marks.length, 2);
    assert.equal(marks[1]!.attribs['data-value'], '', 'no value: an empty data-value');
    const title = DomUtils.textContent(DomUtils.findOne((e) => e.name === 'title', marks[0]!.children)!);
    assert.equal(title, `${evil} · 1月：1`);
    const link = DomUtils.findOne((e) => e.name === 'a' && e.attribs.tabindex === '-1', doc.children)!;
    assert.equal(link.attribs.href, '/office/villages/v/1?a=1&b="2"');
  });

  it('donut: slices are the table numbers; shares printed in the legend add up', () => {
    const spec: ChartSpec = {
      kind: 'donut',
      id: 'channels',
      title: '发布渠道',
      slices: [{ label: '政府网站' }, { label: '政务新媒体' }, { label: '公开栏' }],
      values: [30, 15, 5],
    };
    const { cells, marks, svg } = parse(spec);
    assert.deepEqual(
      marks.map((m) => num(m, 'data-value')),
      cells.map((r) => r[0].value),
    );
    assert.deepEqual(
      cells.map((r) => r[1].text),
      ['60%', '30%', '10%'],
    );
    const legend = DomUtils.findAll((e) => e.name === 'tspan', [svg]).map((e) =>
      DomUtils.textContent(e).trim(),
    );
    assert.deepEqual(legend, ['30（60%）', '15（30%）', '5（10%）']);
    assert.ok(DomUtils.textContent(svg).includes('50'), 'total in the middle');
  });

  it('donut with one slice of 100% and with no data', () => {
    const one = parse({
      kind: 'donut',
      id: 'd1',
      title: 'x',
      slices: [{ label: '甲' }, { label: '乙' }],
      values: [4, 0],
    });
    assert.equal(one.marks.length, 1);
    assert.equal((one.marks[0].attribs.d.match(/A/g) ?? []).length, 4, 'drawn as two halves');
    const none = parse({ kind: 'donut', id: 'd0', title: 'x', slices: [{ label: '甲' }], values: [0] });
    assert.equal(none.marks.length, 0);
    assert.equal(
      chartSummary({ kind: 'donut', id: 'd0', title: 'x', slices: [{ label: '甲' }], values: [0] }),
      '暂无数据。',
    );
  });

  it('the figure has a caption, a summary, a data table behind 查看数据表 and the list link', () => {
    const html = render(
      <Chart
        spec={{
          kind: 'bar',
          id: 'x',
          title: '每月收到申请',
          lead: '近六个月的申请数',
          categories: MONTHS,
          values: [1, 2, 3, 4, 5, 6],
          href: '/office/requests',
        }}
      />,
    );
    assert.match(html, /<figcaption class="gk-chart-title" id="x-title">每月收到申请<\/figcaption>/);
    assert.match(html, /近六个月的申请数。共 6 项，合计 21。最多的是「6月」，6；最少的是「1月」，1。/);
    assert.match(html, /<summary>查看数据表<\/summary>/);
    assert.match(html, /<a href="\/office\/requests\?month=2026-03">3<\/a>/);
    assert.match(html, /<a href="\/office\/requests">查看每月收到申请明细<\/a>/);
    // Links in the drawing are for the mouse; the keyboard uses the table's.
    assert.match(html, /<a href="\/office\/requests\?month=2026-01" tabindex="-1">/);
  });

  it('escapes labels', () => {
    const html = render(
      <Chart
        spec={{ kind: 'bar', id: 'e', title: '<b>t</b>', categories: [{ label: '<script>' }], values: [1] }}
      />,
    );
    assert.ok(!html.includes('<script>'));
    assert.ok(!html.includes('<b>'));
  });

  it('every series colour passes 4.5:1 on white; every heat step text passes 4.5:1 on its fill', () => {
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      const l = c.map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
      return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    for (const c of SERIES_COLOURS) assert.ok(ratio(c, '#ffffff') >= 4.5, c);
    for (const s of HEAT_STEPS) assert.ok(ratio(s.fill, s.text) >= 4.5, s.fill);
  });

  it('the standalone SVG string is a complete document', () => {
    const s = chartSvgString({
      kind: 'bar',
      id: 'p',
      title: '年报',
      categories: MONTHS,
      values: [1, 2, 3, 4, 5, 6],
    });
    assert.match(s, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(s, /fill="#1f5fa8"/);
    assert.match(s, /viewBox="0 0 360 (\d+)" width="360" height="\1"/);
  });

  it('nice ticks and value formats', () => {
    const cases: [number, number[]][] = [
      [0, [0, 1]],
      [3, [0, 1, 2, 3]],
      [7, [0, 2, 4, 6, 8]],
      [1250, [0, 500, 1000, 1500]],
      [48, [0, 20, 40, 60]],
    ];
    for (const [max, ticks] of cases) assert.deepEqual(niceTicks(max), ticks, String(max));
    assert.deepEqual(niceTicks(0.8, 4, 'percent'), [0, 0.25, 0.5, 0.75, 1]);
    assert.equal(formatValue(0.8534, 'percent'), '85.3%');
    assert.equal(formatValue(12.25, 'days'), '12.3 天');
    assert.equal(formatValue(12000, 'yuan'), '12,000 元');
    assert.equal(formatValue(null), '—');
  });
});
