/**
 * The overview's tables are built as markup text (overview-view.tsx): byte for byte what preact renders from the
 * elements they were, for names and labels with characters to escape, cells with and without due slots, an
 * inspector's read-only links and an empty overdue list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from '../../render.tsx';
import { OverviewView, type OverviewViewProps } from './overview-view.tsx';
import { KINDS, periodLabel } from '../../../villages/village-disclosure.ts';
import { cellShare, emptyCell, type HeatCell } from '../../../villages/disclosure-calendar.ts';
import { formatValue } from '../../../charts/index.ts';

type Ov = OverviewViewProps['ov'];

/** The rows as the elements they were before (the reference). */
function elementRows(ov: Ov, readOnly: boolean, agencyId: number): string[] {
  return [
    renderToString(
      <tbody>
        {ov.villages.map((v) => (
          <tr>
            <th scope="row">
              <a href={`/office/villages/v/${v.villageId}${readOnly ? `?agency=${agencyId}` : ''}`}>
                {v.name}
              </a>
            </th>
            {v.cells.map((cell) => (
              <td class="num" data-share={cellShare(cell) ?? ''}>
                {cell.due ? `${formatValue(cellShare(cell), 'percent')}（${cell.onTime}/${cell.due}）` : '—'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>,
    ),
    renderToString(
      <tbody>
        {ov.overdue.map((s) => (
          <tr>
            <td>{s.villageName}</td>
            <td>{s.name}</td>
            <td>{periodLabel(s.period)}</td>
            <td>{s.dueOn}</td>
          </tr>
        ))}
      </tbody>,
    ),
    renderToString(
      <tbody>
        {ov.villages.map((v) => (
          <tr>
            <td>{v.name}</td>
            {KINDS.map((k) => (
              <td class="num">{v.counts[k]}</td>
            ))}
            <td class="num">{v.counts.party + v.counts.affairs + v.counts.finance}</td>
          </tr>
        ))}
      </tbody>,
    ),
  ];
}

const cell = (due: number, onTime: number): HeatCell => ({ ...emptyCell(), due, onTime, late: due - onTime });

function overview(withOverdue: boolean): Ov {
  const names = ['甲<村>&"', '乙村', "丙'村"];
  const villages = names.map((name, i) => ({
    villageId: i + 7,
    name,
    uses: 3,
    cells: Array.from({ length: 12 }, (_, m) => (m % 3 === 0 ? emptyCell() : cell(3, m % 4))),
    counts: { party: i, affairs: 2 * i, finance: 10 + i },
    overdue: [],
  }));
  const overdue = withOverdue
    ? [
        {
          code: 'x',
          name: '财务<公开>&"',
          kind: 'finance' as const,
          period: '2025-Q2',
          dueOn: '2025-07-10',
          itemId: null,
          state: 'overdue' as const,
          villageId: 7,
          villageName: names[0]!,
        },
        {
          code: 'y',
          name: '党务公开',
          kind: 'party' as const,
          period: '2025-03',
          dueOn: '2025-04-10',
          itemId: null,
          state: 'overdue' as const,
          villageId: 8,
          villageName: names[1]!,
        },
      ]
    : [];
  return { year: 2025, kind: null, villages, totals: { party: 3, affairs: 6, finance: 33 }, overdue };
}

const tbodies = (html: string) => html.match(/<tbody>[\s\S]*?<\/tbody>/g) ?? [];

test('the overview tables as markup text are what preact rendered from their elements', () => {
  for (const readOnly of [false, true])
    for (const withOverdue of [true, false]) {
      const ov = overview(withOverdue);
      const html = renderToString(
        <OverviewView
          ov={ov}
          year={2025}
          kind={null}
          agencyName="测试乡"
          agencyId={42}
          readOnly={readOnly}
          towns={[]}
        />,
      );
      const expected = elementRows(ov, readOnly, 42);
      const got = tbodies(html).filter((b) => !b.includes('<text'));
      // The heatmap's own data table is not among these (it links here); the overdue table is absent when empty.
      assert.deepEqual(got, withOverdue ? expected : [expected[0], expected[2]]);
      assert.ok(html.includes('&lt;村>&amp;&quot;'));
    }
});
