import fs from 'node:fs';
import { createRequire } from 'node:module';
import { DomainError } from '../errors.ts';

const require = createRequire(import.meta.url);

/** Where Debian's fonts-noto-cjk puts the CJK fonts (TrueType collections). */
const FONT_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/truetype/noto',
];

export class CjkFontMissingError extends DomainError {
  constructor() {
    super(
      'invalid_state',
      '未找到中文字体，无法生成 PDF。请安装 fonts-noto-cjk（Debian/Ubuntu: apt-get install fonts-noto-cjk）后重试',
    );
  }
}

function find(file: string): string | undefined {
  for (const d of FONT_DIRS) {
    const p = `${d}/${file}`;
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

let printer: any;

/**
 * The pdfmake instance with two CJK families: `Song` (Noto Serif CJK SC — the 仿宋/宋体 role of body text) and
 * `Hei` (Noto Sans CJK SC — the 黑体 role of headings). Throws CjkFontMissingError when the fonts are not installed.
 */
function pdfmake(): any {
  if (printer) return printer;
  const serif = find('NotoSerifCJK-Regular.ttc');
  const serifBold = find('NotoSerifCJK-Bold.ttc') ?? serif;
  const sans = find('NotoSansCJK-Regular.ttc');
  const sansBold = find('NotoSansCJK-Bold.ttc') ?? sans;
  if (!serif || !sans) throw new CjkFontMissingError();
  const pm = require('pdfmake');
  pm.setUrlAccessPolicy(() => false); // never fetch remote resources
  pm.setLocalAccessPolicy((p: string) => FONT_DIRS.some((d) => p.startsWith(d)));
  pm.setFonts({
    Song: {
      normal: [serif, 'NotoSerifCJKsc-Regular'],
      bold: [serifBold, 'NotoSerifCJKsc-Bold'],
      italics: [serif, 'NotoSerifCJKsc-Regular'],
      bolditalics: [serifBold, 'NotoSerifCJKsc-Bold'],
    },
    Hei: {
      normal: [sans, 'NotoSansCJKsc-Regular'],
      bold: [sansBold, 'NotoSansCJKsc-Bold'],
      italics: [sans, 'NotoSansCJKsc-Regular'],
      bolditalics: [sansBold, 'NotoSansCJKsc-Bold'],
    },
  });
  printer = pm;
  return pm;
}

/** Whether PDF output is possible on this machine. */
export function pdfAvailable(): boolean {
  try {
    pdfmake();
    return true;
  } catch {
    return false;
  }
}

/**
 * Render a pdfmake document definition to a PDF buffer. Default font is `Song`; A4 with official-document
 * margins (GB/T 9704: top 37 mm, left 28 mm, right 26 mm, bottom 35 mm) unless the definition sets its own.
 */
export async function renderPdf(doc: Record<string, any>): Promise<Buffer> {
  const pm = pdfmake();
  const mm = (v: number) => (v * 72) / 25.4;
  const def = {
    pageSize: 'A4',
    pageMargins: [mm(28), mm(37), mm(26), mm(35)],
    ...doc,
    defaultStyle: { font: 'Song', fontSize: 12, lineHeight: 1.4, ...(doc.defaultStyle ?? {}) },
  };
  return Buffer.from(await pm.createPdf(def).getBuffer());
}
