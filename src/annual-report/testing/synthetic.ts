/**
 * Synthetic annual reports for tests and benchmarks: random cells that satisfy every cross-check, rendered in the
 * layouts agencies publish (text copied from a web page or PDF in several shapes, a CMS page, a Word file), so
 * each test knows the truth it must read back.
 */
import { zipSync, strToU8 } from 'fflate';
import {
  B_APPLICANT_COLUMNS,
  B_ROWS,
  C_COLUMNS,
  C_GROUPS,
  LABELS,
  SECTIONS,
  zeroCells,
  type CellAddress,
  type Cells,
} from '../report-format.ts';
import { toTraditional } from '../normalize.ts';
import { tableALayout, tableBLayout, tableCLayout, type LayoutCell } from '../table-layout.ts';

/** Deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random cells that pass B-BAL, B-RES, B-COL, C-SUM and the type rules; 规章 = 0 (a township). */
export function randomValidCells(seed: number, scale = 6): Cells {
  const r = rng(seed);
  const int = (max: number) => Math.floor(r() * (max + 1));
  const cells = zeroCells();
  const set = (a: string, v: number) => (cells[a as CellAddress] = v);
  set('A.art20_1.normative_documents.issued', int(12));
  set('A.art20_1.normative_documents.repealed', int(4));
  set('A.art20_1.normative_documents.in_force', 5 + int(40));
  set('A.art20_5.administrative_licensing.decisions', int(3) === 0 ? 1000 + int(90000) : int(300));
  set('A.art20_6.administrative_penalty.decisions', int(200));
  set('A.art20_6.administrative_coercion.decisions', int(20));
  set('A.art20_8.administrative_fees.amount_wan_yuan', Math.round(r() * 50000) / 100);
  const leaves = B_ROWS.filter((x) => x.startsWith('result.') && x !== 'result.total');
  for (const c of B_APPLICANT_COLUMNS) {
    const busy = c === 'natural_person' || r() < 0.4;
    let results = 0;
    for (const row of leaves) {
      const v = busy && r() < 0.5 ? int(scale) : 0;
      set(`B.${row}.${c}`, v);
      results += v;
    }
    const forward = busy ? int(3) : 0;
    const carried = Math.min(busy ? int(3) : 0, results + forward);
    set(`B.result.total.${c}`, results);
    set(`B.carried_forward.${c}`, forward);
    set(`B.carried_over.${c}`, carried);
    set(`B.new_received.${c}`, results + forward - carried);
  }
  for (const row of B_ROWS) {
    set(
      `B.${row}.total`,
      B_APPLICANT_COLUMNS.reduce((s, c) => s + (cells[`B.${row}.${c}` as CellAddress] as number), 0),
    );
  }
  for (const g of C_GROUPS) {
    let sum = 0;
    for (const c of C_COLUMNS.slice(0, 4)) {
      const v = r() < 0.3 ? int(4) : 0;
      set(`C.${g}.${c}`, v);
      sum += v;
    }
    set(`C.${g}.total`, sum);
  }
  return cells;
}

// -- the report as blocks ------------------------------------------------------------------------------------

export type Cell = LayoutCell;
export type Block = { type: 'p'; text: string } | { type: 'table'; rows: Cell[][] };

export interface SyntheticOptions {
  agency?: string;
  year?: number;
  /** Extra narrative paragraphs (to reach a realistic 10–40 KB). */
  filler?: number;
  /** Format numbers ≥ 1000 with thousands separators. */
  thousands?: boolean;
}

const fmt = (v: number | null, thousands = false) =>
  v === null ? '' : thousands && v >= 1000 ? v.toLocaleString('en-US') : String(v);
const val = (cells: Cells, a: string, o: SyntheticOptions) => fmt(cells[a as CellAddress], o.thousands);

const tableA = (cells: Cells, o: SyntheticOptions): Block => ({
  type: 'table',
  rows: tableALayout((a) => val(cells, a, o)),
});
const tableB = (cells: Cells, o: SyntheticOptions): Block => ({
  type: 'table',
  rows: tableBLayout((a) => val(cells, a, o)),
});
const tableC = (cells: Cells, o: SyntheticOptions): Block => ({
  type: 'table',
  rows: tableCLayout((a) => val(cells, a, o)),
});

const FILLER =
  '本机关坚持以公开为常态、不公开为例外，围绕群众关切推进政务公开标准化规范化建设，完善信息发布审核流程，加强政策解读和回应关切，依托门户网站、政务新媒体和公开栏等渠道及时发布各类政府信息，切实保障人民群众的知情权、参与权、表达权和监督权。';

/** The report as blocks: title, the six sections with their narrative, the three tables. */
export function reportBlocks(cells: Cells, o: SyntheticOptions = {}): Block[] {
  const agency = o.agency ?? '红旗乡人民政府';
  const year = o.year ?? 2025;
  const total = (row: string) => cells[`B.${row}.total` as CellAddress];
  const filler = Array.from({ length: o.filler ?? 2 }, () => ({ type: 'p' as const, text: FILLER }));
  const [s1, s2, s3, s4, s5, s6] = SECTIONS;
  return [
    { type: 'p', text: `${agency}${year}年政府信息公开工作年度报告` },
    {
      type: 'p',
      text: `本报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限为${year}年1月1日至12月31日。`,
    },
    { type: 'p', text: s1!.rendered },
    { type: 'p', text: '（一）主动公开' },
    ...filler,
    { type: 'p', text: '（二）依申请公开' },
    {
      type: 'p',
      text: `本年度共收到政府信息公开申请${total('new_received')}件，上年结转${total('carried_over')}件，办结${total('result.total')}件，结转下年度${total('carried_forward')}件。`,
    },
    { type: 'p', text: '（五）监督保障' },
    {
      type: 'p',
      text: '将政务公开纳入年度工作考核，组织群众代表开展社会评议，全年未发生责任追究情况。',
    },
    { type: 'p', text: s2!.rendered },
    tableA(cells, o),
    { type: 'p', text: s3!.rendered },
    tableB(cells, o),
    { type: 'p', text: s4!.rendered },
    tableC(cells, o),
    { type: 'p', text: s5!.rendered },
    ...filler,
    { type: 'p', text: s6!.rendered },
    { type: 'p', text: '本年度未收取信息处理费。' },
    { type: 'p', text: agency },
  ];
}

// -- text layouts ---------------------------------------------------------------------------------------------

/** A table laid out on a grid: merged cells keep their text at the top-left and leave '' elsewhere. */
export function toGrid(rows: Cell[][]): string[][] {
  const grid: string[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++)
          grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      c += cell.colspan ?? 1;
    }
  });
  return grid.map((row) => Array.from(row, (x) => x ?? ''));
}

export type TextLayout =
  | 'tab'
  | 'markdown'
  | 'space'
  | 'cell-per-line'
  | 'pipe'
  | 'pipe-no-lead'
  | 'cell-pipe-line'
  | 'alternating-pipe'
  | 'paragraph'
  | 'glued'
  | 'nonempty-only'
  | 'vertical-headers'
  | 'extra-headers'
  | 'repeated-header';

/** Narrow column headers that PDF extraction returns one character a line (the column is one character wide). */
const NARROW_HEADERS = new Set([
  ...Object.values(LABELS.bColumn),
  ...Object.values(LABELS.cColumn),
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
]);

const isNumber = (x: string) => /^\d+(\.\d+)?$/.test(x);

/** Render the report as plain text in one of the shapes found in the wild. */
export function renderText(blocks: Block[], layout: TextLayout): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'p') {
      out.push(layout === 'markdown' && /^[一二三四五六]、/.test(b.text) ? `## ${b.text}` : b.text, '');
      continue;
    }
    const grid = toGrid(b.rows);
    grid.forEach((row, i) => {
      switch (layout) {
        case 'tab':
          // Copied from a browser: merged cells leave empty columns; header cells keep their line break.
          out.push(row.join('\t').replace('商业企业', '商业\n企业'));
          break;
        case 'markdown':
        case 'pipe':
          out.push(`| ${row.join(' | ')} |`);
          if (i === 0 && layout === 'markdown') out.push(`|${row.map(() => '---').join('|')}|`);
          break;
        case 'space':
          out.push(
            row
              .filter((x) => x !== '')
              .join('  ')
              .replace('不再处理其政府信息公开申请  ', '不再处理其政府\n信息公开申请  '),
          );
          break;
        case 'cell-per-line':
          for (const x of row) if (x !== '') out.push(x);
          break;
        case 'pipe-no-lead':
          out.push(`${row.join(' | ')} |`);
          break;
        case 'cell-pipe-line': {
          // “label |” / “0 |” one cell a line, merged cells as a run of “|” after the cell they extend.
          const lines: string[] = [];
          for (const x of row) {
            if (x === '' && lines.length) lines[lines.length - 1] += '|';
            else if (x !== '') lines.push(`${x} |`);
          }
          out.push(...lines);
          break;
        }
        case 'alternating-pipe':
          for (const x of row) if (x !== '') out.push(x, '|');
          break;
        case 'paragraph':
          for (const x of row) if (x !== '') out.push(x, '');
          break;
        case 'glued': {
          // A crawl that dropped the cell borders of tables 二 and 三: the values of a row are one run of digits.
          const labels = row.filter((x) => x !== '' && !isNumber(x));
          const values = row.filter(isNumber);
          const glue = b === blocks.find((x) => x.type === 'table') || row.length === 10;
          if (glue && values.length > 1 && values.every((v) => /^\d+$/.test(v)))
            out.push(`${labels.join(' ')}${values.join('')}`);
          else out.push(row.filter((x) => x !== '').join('  '));
          break;
        }
        case 'vertical-headers':
          // PDF extraction of narrow header cells: one character a line; the value rows space-separated.
          if (!row.some(isNumber)) {
            for (const x of row.filter((x) => x !== ''))
              if (NARROW_HEADERS.has(x)) out.push(...x.split(''));
              else out.push(x);
          } else out.push(row.filter((x) => x !== '').join('  '));
          break;
        case 'extra-headers':
          // Headers with the year and a note row under them (“本年(2025)制发件数”, “(历史累计)”).
          out.push(`| ${row.join(' | ')} |`.replace('本年制发件数', '本年(2025)制发件数'));
          if (row.includes('现行有效件数')) out.push('| | | | (历史累计) |');
          if (row.includes('申请人情况')) out.push(`| | (单位:件) |`);
          break;
        case 'repeated-header': {
          // A page break in the middle of table 三 repeats its header rows there (a bogus header row).
          out.push(`| ${row.join(' | ')} |`);
          if (row.some((x) => x.startsWith('（二）部分公开'))) {
            out.push('— 5 —');
            for (const h of toGrid(b.rows).slice(0, 3)) out.push(`| ${h.join(' | ')} |`);
          }
          break;
        }
        case 'nonempty-only': {
          // Zero cells of table 三 left blank, and the blanks dropped: positions are lost.
          const bTable = row.length === 10;
          const cells = row.filter((x) => x !== '' && !(bTable && x === '0'));
          out.push(`| ${cells.join(' | ')} |`);
          break;
        }
      }
    });
    out.push('');
  }
  return out.join('\n');
}

/** Half-width （）and ：, as reports converted by some tools print them. */
export const halfWidth = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
/** A mirror site's Traditional-character copy. */
export const traditional = (s: string) => toTraditional(s);
/** OCR damage: spaces after numbering, a misread character in a long label. */
export const ocrNoise = (s: string) =>
  s
    .replace(/(\d)\.(?=[\p{Script=Han}])/gu, '$1. ')
    .replace(/保护第三方合法权益/g, '保护第三方合法杈益')
    .replace(/要求行政机关确认或重新出具已获取信息/g, '要求行政机关确认或重新出县已获取信息');

// -- HTML -----------------------------------------------------------------------------------------------------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A whole CMS page: navigation, breadcrumbs and footer around the article; tables with rowspan/colspan. */
export function renderHtml(blocks: Block[], title: string): string {
  const body = blocks
    .map((b) => {
      if (b.type === 'p') return `<p style="text-indent:2em">${esc(b.text)}</p>`;
      const rows = b.rows
        .map(
          (row) =>
            `<tr>${row
              .map((c) => {
                const attrs = `${c.colspan ? ` colspan="${c.colspan}"` : ''}${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}`;
                const text = c.text === '商业企业' ? '<p>商业</p><p>企业</p>' : `<p>${esc(c.text)}</p>`;
                return `<td${attrs}>${text}</td>`;
              })
              .join('')}</tr>`,
        )
        .join('\n');
      return `<div class="tbl"><table border="1" cellspacing="0"><tbody>\n${rows}\n</tbody></table></div>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)}</title><script>var _hmt = _hmt || []; if (a < b) {}</script>
<style>td { border: 1px solid #000 }</style></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>
<div class="article"><h1>${esc(title)}</h1>
<div class="info">发布时间：2026-01-20 &nbsp; 来源：党政办</div>
<div class="content">
${body}
</div></div>
<div class="footer"><p>主办单位：红旗乡人民政府 &nbsp; 网站标识码：1234567890</p><p>技术支持：某某科技</p></div>
</body></html>`;
}

// -- DOCX -------------------------------------------------------------------------------------------------------

const xmlEsc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const wp = (text: string) =>
  `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${xmlEsc(text)}</w:t></w:r></w:p>`;

/** word/document.xml of the report: paragraphs, and tables with gridSpan and vMerge as Word writes them. */
export function documentXml(blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      if (b.type === 'p') return wp(b.text);
      // Lay the table out on a grid to know where vertical merges continue.
      const origin: (Cell | 'cont' | 'span' | undefined)[][] = [];
      b.rows.forEach((row, r) => {
        origin[r] ??= [];
        let c = 0;
        for (const cell of row) {
          while (origin[r]![c] !== undefined) c++;
          for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
            origin[r + dr] ??= [];
            for (let dc = 0; dc < (cell.colspan ?? 1); dc++) {
              origin[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell : dc === 0 ? 'cont' : 'span';
            }
          }
          c += cell.colspan ?? 1;
        }
      });
      const trs = origin.map((row, r) => {
        const tcs: string[] = [];
        row.forEach((x, c) => {
          if (x === 'span' || x === undefined) return;
          if (x === 'cont') {
            // The continuation cell spans as many grid columns as the cell above.
            let above = r - 1;
            while (origin[above]![c] === 'cont') above--;
            const cell = origin[above]![c] as Cell;
            const span = cell.colspan ? `<w:gridSpan w:val="${cell.colspan}"/>` : '';
            tcs.push(`<w:tc><w:tcPr>${span}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
            return;
          }
          const props = `${x.colspan ? `<w:gridSpan w:val="${x.colspan}"/>` : ''}${x.rowspan ? '<w:vMerge w:val="restart"/>' : ''}`;
          const text = x.text === '商业企业' ? wp('商业') + wp('企业') : wp(x.text);
          tcs.push(`<w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/>${props}</w:tcPr>${text}</w:tc>`);
        });
        return `<w:tr>${tcs.join('')}</w:tr>`;
      });
      return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${trs.join('')}</w:tbl>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A minimal valid DOCX package around a document.xml. */
export function zipDocx(xml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(xml),
  });
}

/** Every layout of one report, as the files an agency would publish. */
export function syntheticFiles(
  cells: Cells,
  o: SyntheticOptions = {},
): { name: string; bytes: Uint8Array }[] {
  const blocks = reportBlocks(cells, o);
  const title = (blocks[0] as { text: string }).text;
  const text = (s: string) => new TextEncoder().encode(s);
  const thousands = reportBlocks(cells, { ...o, thousands: true });
  return [
    { name: 'tab.txt', bytes: text(renderText(thousands, 'tab')) },
    { name: 'markdown.md', bytes: text(renderText(blocks, 'markdown')) },
    { name: 'pipe.txt', bytes: text(renderText(blocks, 'pipe')) },
    { name: 'space.txt', bytes: text(halfWidth(renderText(blocks, 'space'))) },
    { name: 'cell-per-line.txt', bytes: text(renderText(blocks, 'cell-per-line')) },
    { name: 'traditional.txt', bytes: text(traditional(renderText(thousands, 'tab'))) },
    { name: 'ocr.md', bytes: text(ocrNoise(renderText(blocks, 'markdown'))) },
    { name: 'page.html', bytes: text(renderHtml(blocks, title)) },
    { name: 'report.docx', bytes: zipDocx(documentXml(blocks)) },
  ];
}
