/**
 * The DOCX font table (word/fontTable.xml) with fallbacks, so a letter opened where the official faces are missing
 * still shows 仿宋 as a 仿宋, a title as a Song face, and not a default sans face.
 *
 * The body and headings keep the names GB/T 9704 and government templates use — 仿宋_GB2312, 方正小标宋简体,
 * 楷体_GB2312, 黑体 — which government PCs (and WPS installations with the 公文 fonts) have. Each entry lists
 * alternative names (ECMA-376 §17.8.3.1 w:altName, used to locate the font when the first name is not found) in
 * the order a reader is likely to have them: the Windows faces present since Windows Vista (仿宋/FangSong,
 * 楷体/KaiTi, 宋体/SimSun, 黑体/SimHei), then macOS (华文仿宋/STFangsong, …), then the free Fandol faces of Linux TeX
 * installations and Noto CJK; w:charset 86 (GB2312) and the family tell a program that matches by class which kind
 * of face to pick. docs/requests.md (Letters) lists what to install where.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';

interface FontEntry {
  alt: string[];
  family: 'roman' | 'modern' | 'swiss';
  pitch: 'fixed' | 'variable';
  charset: '86' | '00';
}

export const FONT_FALLBACKS: Record<string, FontEntry> = {
  仿宋_GB2312: {
    alt: ['仿宋', 'FangSong', '华文仿宋', 'STFangsong', 'FandolFang'],
    family: 'modern',
    pitch: 'fixed',
    charset: '86',
  },
  方正小标宋简体: {
    alt: ['方正小标宋_GBK', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'FandolSong', 'Noto Serif CJK SC'],
    family: 'roman',
    pitch: 'variable',
    charset: '86',
  },
  楷体_GB2312: {
    alt: ['楷体', 'KaiTi', '华文楷体', 'STKaiti', 'FandolKai'],
    family: 'modern',
    pitch: 'fixed',
    charset: '86',
  },
  黑体: {
    alt: ['SimHei', '华文黑体', 'STHeiti', 'FandolHei', 'Noto Sans CJK SC'],
    family: 'modern',
    pitch: 'fixed',
    charset: '86',
  },
  宋体: {
    alt: ['SimSun', '华文宋体', 'STSong', 'FandolSong', 'Noto Serif CJK SC'],
    family: 'modern',
    pitch: 'fixed',
    charset: '86',
  },
  'Times New Roman': {
    alt: ['Liberation Serif', 'Times'],
    family: 'roman',
    pitch: 'variable',
    charset: '00',
  },
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** word/fontTable.xml listing every font of FONT_FALLBACKS with its alternatives. */
export function fontTableXml(): string {
  const fonts = Object.entries(FONT_FALLBACKS)
    .map(
      ([name, f]) =>
        `<w:font w:name="${esc(name)}"><w:altName w:val="${esc(f.alt.join(','))}"/>` +
        `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}

/** Replace the (empty) font table the docx writer produces with ours. Input: a DOCX we just wrote. */
export function withFontTable(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  files['word/fontTable.xml'] = strToU8(fontTableXml());
  return zipSync(files);
}
