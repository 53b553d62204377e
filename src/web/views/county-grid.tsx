/**
 * The county's map-like grid: one tile per agency below the county, townships and departments in their own bands,
 * coloured by how many figures need attention (with the number written on the tile: colour is never the only
 * signal), each tile a link to the agency's read-only drill-down. Server-rendered SVG; the table beside it carries
 * the same figures for screen readers and for copying.
 */
import type { AgencyRow } from '../../county/county-dashboard.ts';

const COLS = 3;
const W = 150;
const H = 64;
const GAP = 8;
const BAND = 26;

/** Fill, ink and wording of a tile by its number of alerts. */
export function tileLevel(alerts: number): { fill: string; ink: string; label: string } {
  if (alerts === 0) return { fill: '#e3f1e6', ink: '#1a1a1a', label: '无预警' };
  if (alerts <= 2) return { fill: '#fff1c2', ink: '#1a1a1a', label: `${alerts}项预警` };
  return { fill: '#b3261e', ink: '#ffffff', label: `${alerts}项预警` };
}

export function CountyGrid({ rows, hrefOf }: { rows: AgencyRow[]; hrefOf: (row: AgencyRow) => string }) {
  const bands = [
    { label: '乡镇/街道', rows: rows.filter((r) => r.agency.kind === 'township') },
    { label: '县政府部门', rows: rows.filter((r) => r.agency.kind !== 'township') },
  ].filter((b) => b.rows.length);
  let y = 0;
  const placed = bands.map((b) => {
    const top = y;
    const lines = Math.ceil(b.rows.length / COLS);
    y += BAND + lines * (H + GAP);
    return { ...b, top };
  });
  const width = COLS * (W + GAP);
  return (
    <svg
      class="county-grid"
      viewBox={`0 0 ${width} ${Math.max(y, 1)}`}
      width="100%"
      role="group"
      aria-label="各机关预警分布图（详见右侧表格）"
    >
      {placed.map((b) => (
        <g>
          <text x={0} y={b.top + 18} font-size="16" font-weight="bold" fill="#1a1a1a">
            {b.label}
          </text>
          {b.rows.map((r, i) => {
            const x = (i % COLS) * (W + GAP);
            const ty = b.top + BAND + Math.floor(i / COLS) * (H + GAP);
            const l = tileLevel(r.alerts);
            return (
              <a href={hrefOf(r)} aria-label={`${r.agency.name}：${l.label}`}>
                <rect x={x} y={ty} width={W} height={H} rx={6} fill={l.fill} stroke="#4a4a4a" />
                <text x={x + W / 2} y={ty + 26} text-anchor="middle" font-size="17" fill={l.ink}>
                  {r.agency.shortName}
                </text>
                <text x={x + W / 2} y={ty + 48} text-anchor="middle" font-size="14" fill={l.ink}>
                  {l.label}
                </text>
              </a>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
