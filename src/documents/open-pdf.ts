/**
 * Open a PDF with pdf.js (pdfjs-dist) the one safe way: no eval, no system fonts, no font faces, errors only.
 * Shared by the annual-report reader and the attachment reader.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const pdfjsDir = dirname(require.resolve('pdfjs-dist/package.json'));

/** pdf.js is large: loaded on the first PDF only. */
let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;

/** Open a PDF, or say why not: 'encrypted' (a password is needed) or 'damaged'. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy | 'encrypted' | 'damaged'> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument, VerbosityLevel } = await pdfjs;
  try {
    return await getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: join(pdfjsDir, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
  } catch (e) {
    return (e as { name?: string }).name === 'PasswordException' ? 'encrypted' : 'damaged';
  }
}
