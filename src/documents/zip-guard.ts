/**
 * Archive-bomb limits for the ZIP containers we open (DOCX, XLSX): entry count, total uncompressed size and
 * compression ratio. The declared sizes in the central directory can lie, so the archive is also inflated as a
 * stream — in small input chunks, counting what really comes out and stopping at the limit — before any reader
 * (fflate's unzipSync, ExcelJS) touches it. Pure and synchronous; nothing is kept of the inflated bytes.
 */
import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';

export interface ZipLimits {
  /** entries in the archive */
  maxEntries: number;
  /** uncompressed bytes of all entries together */
  maxTotalBytes: number;
  /** uncompressed ÷ compressed, per entry and overall, once an entry is larger than `ratioFloorBytes` */
  maxRatio: number;
  ratioFloorBytes: number;
}

/**
 * Office files: a report or a large workbook is a few MB of XML (ratio 5–30); images are stored (ratio ≈ 1).
 * 1,000 entries, 200 MiB uncompressed and a ratio of 200 leave real files far inside and stop every bomb.
 */
export const OFFICE_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 1000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
});

export type ZipBombReason = 'entries' | 'size' | 'ratio' | 'inconsistent';

/** The archive exceeds a limit (the caller shows `zipRefusal`). */
export class ZipBombError extends Error {
  constructor(readonly reason: ZipBombReason) {
    super(`zip_bomb:${reason}`);
    this.name = 'ZipBombError';
  }
}

/** Input is fed to the inflater in slices this big, so one slice yields at most ~16 MiB (deflate ≤ 1032:1). */
const SLICE = 16 * 1024;

interface CentralEntry {
  name: string;
  size: number;
  originalSize: number;
}

function centralDirectory(bytes: Uint8Array): CentralEntry[] | null {
  const entries: CentralEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        return false;
      },
    });
  } catch {
    return null; // not a readable ZIP: the caller's own reader reports that
  }
  return entries;
}

const overRatio = (out: number, inBytes: number, l: ZipLimits) =>
  out > l.ratioFloorBytes && out > Math.max(inBytes, 1) * l.maxRatio;

/**
 * Throw `ZipBombError` when the archive exceeds the limits. An archive that is not a ZIP at all passes (the
 * reader that follows refuses it with its own message).
 */
export function assertZipWithinLimits(bytes: Uint8Array, limits: ZipLimits = OFFICE_ZIP_LIMITS): void {
  const central = centralDirectory(bytes);
  if (!central) return;
  if (central.length > limits.maxEntries) throw new ZipBombError('entries');
  // Overlapping entries (many central records pointing at one compressed stream) show as repeated names.
  if (new Set(central.map((e) => e.name)).size !== central.length) throw new ZipBombError('inconsistent');
  let declared = 0;
  for (const e of central) {
    declared += e.originalSize;
    if (overRatio(e.originalSize, e.size, limits)) throw new ZipBombError('ratio');
  }
  if (declared > limits.maxTotalBytes) throw new ZipBombError('size');

  // What really inflates: the local entries in order, counted as they stream.
  // Compressed sizes come from the central directory: a streamed archive (data descriptors) has none locally.
  const compressedOf = new Map(central.map((e) => [e.name, e.size]));
  const compressedTotal = central.reduce((s, e) => s + e.size, 0);
  let stop: ZipBombReason | null = null;
  let total = 0;
  const seen: string[] = [];
  const unzip = new Unzip((file: UnzipFile) => {
    seen.push(file.name);
    if (seen.length > limits.maxEntries) stop ??= 'entries';
    const compressed = compressedOf.get(file.name) ?? file.size ?? 0;
    let out = 0;
    file.ondata = (err, chunk) => {
      if (err || stop) return;
      out += chunk.length;
      total += chunk.length;
      if (total > limits.maxTotalBytes) stop = 'size';
      else if (compressed > 0 && overRatio(out, compressed, limits)) stop = 'ratio';
      if (stop) file.terminate();
    };
    if (file.compression === 0 || file.compression === 8) file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !stop; at += SLICE) {
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
    }
  } catch {
    // A damaged stream: the reader that follows reports it; the limits were kept so far.
  }
  if (stop) throw new ZipBombError(stop);
  if (overRatio(total, compressedTotal, limits)) throw new ZipBombError('ratio');
  // Every central record must name a local entry the stream saw (no records pointing inside other data).
  const local = new Set(seen);
  if (central.some((e) => !local.has(e.name))) throw new ZipBombError('inconsistent');
}

/** The Chinese refusal for a file that exceeds the limits. */
export function zipRefusal(
  fileName: string,
  reason: ZipBombReason,
  limits: ZipLimits = OFFICE_ZIP_LIMITS,
): string {
  const what = {
    entries: `其中的文件超过 ${limits.maxEntries} 个`,
    size: `解压后超过 ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`,
    ratio: `压缩比异常（超过 ${limits.maxRatio} 倍）`,
    inconsistent: '内部目录与内容不一致',
  }[reason];
  return `文件“${fileName}”${what}，可能是恶意构造的压缩文件，已拒绝。请在 Word 或 Excel 中重新另存后再上传`;
}
