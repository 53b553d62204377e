import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { DomainError } from '../errors.ts';

const require = createRequire(import.meta.url);

/**
 * Where Debian puts the free CJK fonts: fonts-noto-cjk (TrueType collections) and the Fandol fonts of
 * texlive-lang-chinese (OpenType: FandolFang 仿宋, FandolSong 宋体 regular/bold, FandolHei 黑体, FandolKai 楷体).
 */
const FONT_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/truetype/noto',
  '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol',
  '/usr/share/fonts/opentype/fandol',
];

/**
 * The families a document may use, in the roles of GB/T 9704: Fang 仿宋 (body of official documents), XBS the
 * 小标宋-like title face (FandolSong Bold), Kai 楷体, Hei 黑体, Song 宋体 (body of reports). Each lists the files it may
 * come from, best first, and the Debian package that provides them.
 */
const FAMILIES = {
  Fang: { files: ['FandolFang-Regular.otf'], name: '仿宋 FandolFang', pkg: 'texlive-lang-chinese' },
  XBS: { files: ['FandolSong-Bold.otf'], name: '小标宋（FandolSong Bold）', pkg: 'texlive-lang-chinese' },
  Kai: { files: ['FandolKai-Regular.otf'], name: '楷体 FandolKai', pkg: 'texlive-lang-chinese' },
  Song: {
    files: ['NotoSerifCJK-Regular.ttc', 'FandolSong-Regular.otf'],
    bold: ['NotoSerifCJK-Bold.ttc', 'FandolSong-Bold.otf'],
    name: '宋体（Noto Serif CJK 或 FandolSong）',
    pkg: 'fonts-noto-cjk',
  },
  Hei: {
    files: ['NotoSansCJK-Regular.ttc', 'FandolHei-Regular.otf'],
    bold: ['NotoSansCJK-Bold.ttc', 'FandolHei-Bold.otf'],
    name: '黑体（Noto Sans CJK 或 FandolHei）',
    pkg: 'fonts-noto-cjk',
  },
} as const;
export type PdfFamily = keyof typeof FAMILIES;

export class CjkFontMissingError extends DomainError {
  constructor(missing: PdfFamily[]) {
    const pkgs = [...new Set(missing.map((f) => FAMILIES[f].pkg))].join(' ');
    super(
      'invalid_state',
      `未找到中文字体${missing.map((f) => FAMILIES[f].name).join('、')}，无法生成 PDF。请安装（Debian/Ubuntu: apt-get install ${pkgs}）后重试`,
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

/** A font entry for pdfmake: a collection needs the face's PostScript name. */
function entry(path: string): string | [string, string] {
  if (!path.endsWith('.ttc')) return path;
  const base = path.split('/').pop()!;
  const face = base.replace('CJK-', 'CJKsc-').replace('.ttc', '');
  return [path, face];
}

type PdfMake = typeof import('pdfmake');

/**
 * A node of a pdfmake document definition, built as a plain object. pdfmake's typings are stricter than pdfmake
 * (they reject widened string literals and TrueType-collection font entries that it reads fine), so documents are
 * plain objects and the definition is handed over as pdfmake's type at the one call below.
 */
export type PdfNode = Record<string, unknown>;

let printer: PdfMake | undefined;
let available: Set<PdfFamily>;

function pdfmake(): PdfMake {
  if (printer) return printer;
  const pm = require('pdfmake') as PdfMake;
  pm.setUrlAccessPolicy(() => false); // never fetch remote resources
  pm.setLocalAccessPolicy((p: string) => FONT_DIRS.some((d) => p.startsWith(d)));
  const fonts: Record<string, PdfNode> = {};
  available = new Set();
  for (const [family, def] of Object.entries(FAMILIES) as [PdfFamily, (typeof FAMILIES)[PdfFamily]][]) {
    const normal = def.files.map(find).find(Boolean);
    if (!normal) continue;
    const bold = ('bold' in def ? def.bold.map(find).find(Boolean) : undefined) ?? normal;
    fonts[family] = {
      normal: entry(normal),
      bold: entry(bold),
      italics: entry(normal),
      bolditalics: entry(bold),
    };
    available.add(family);
  }
  pm.setFonts(fonts as unknown as TFontDictionary); // [file, face] entries for collections: see entry()
  printer = pm;
  return pm;
}

/** The families installed on this machine. */
export function pdfFamilies(): Set<PdfFamily> {
  pdfmake();
  return available;
}

/** Whether PDF output with these families is possible on this machine (default: the report families). */
export function pdfAvailable(families: PdfFamily[] = ['Song', 'Hei']): boolean {
  const have = pdfFamilies();
  return families.every((f) => have.has(f));
}

/**
 * Render a pdfmake document definition to a PDF buffer. Default font is `Song`; A4 with official-document
 * margins (GB/T 9704: top 37 mm, left 28 mm, right 26 mm, bottom 35 mm) unless the definition sets its own.
 * `families` are the families the document uses: a missing one is a clear error naming the font and its package.
 */
export async function renderPdf(doc: PdfNode, families: PdfFamily[] = ['Song', 'Hei']): Promise<Buffer> {
  const pm = pdfmake();
  const missing = families.filter((f) => !available.has(f));
  if (missing.length) throw new CjkFontMissingError(missing);
  const mm = (v: number) => (v * 72) / 25.4;
  const def: PdfNode = {
    pageSize: 'A4',
    pageMargins: [mm(28), mm(37), mm(26), mm(35)],
    ...doc,
    defaultStyle: {
      font: families[0] ?? 'Song',
      fontSize: 12,
      lineHeight: 1.4,
      ...((doc.defaultStyle as PdfNode | undefined) ?? {}),
    },
  };
  return Buffer.from(await pm.createPdf(def as unknown as TDocumentDefinitions).getBuffer());
}
