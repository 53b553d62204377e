/**
 * Photos from a liaison's phone: checked by content (sharp decodes it, or it is refused — the name and the
 * declared type prove nothing), turned upright, shrunk to at most 1600 px on the long side and re-encoded as JPEG
 * on the server, so a 6 MB camera photo becomes a few hundred KB that a village's slow network can show. The stored
 * copy carries no metadata (sharp drops EXIF, so no GPS position reaches the public); the shooting time and place
 * are read first (exifr) and kept as columns — for a board photo they are the evidence of offline disclosure.
 */
import sharp from 'sharp';
import exifr from 'exifr';
import { ValidationError } from '../errors.ts';

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const MAX_SIDE = 1600;

export interface ShrunkPhoto {
  bytes: Buffer;
  width: number;
  height: number;
  /** Shooting time as an ISO instant (EXIF wall time read as Beijing time), or null. */
  takenAt: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** 'YYYY:MM:DD HH:MM:SS' (camera wall time) → ISO instant in Asia/Shanghai. */
export function exifTimeToIso(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

async function readExif(bytes: Uint8Array): Promise<Pick<ShrunkPhoto, 'takenAt' | 'latitude' | 'longitude'>> {
  try {
    const tags = (await exifr.parse(Buffer.from(bytes), {
      pick: [
        'DateTimeOriginal',
        'CreateDate',
        'GPSLatitude',
        'GPSLatitudeRef',
        'GPSLongitude',
        'GPSLongitudeRef',
      ],
      reviveValues: false,
      gps: true,
    })) as Record<string, unknown> | undefined;
    if (!tags) return { takenAt: null, latitude: null, longitude: null };
    const gps = (await exifr.gps(Buffer.from(bytes)).catch(() => undefined)) as
      { latitude?: number; longitude?: number } | undefined;
    const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
    return {
      takenAt: exifTimeToIso(tags.DateTimeOriginal ?? tags.CreateDate),
      latitude: ok(gps?.latitude) ? gps.latitude : null,
      longitude: ok(gps?.longitude) ? gps.longitude : null,
    };
  } catch {
    return { takenAt: null, latitude: null, longitude: null };
  }
}

/** Check and shrink one photo; refuses anything that is not a JPEG, PNG, WebP or HEIF image by its content. */
export async function shrinkPhoto(bytes: Uint8Array): Promise<ShrunkPhoto> {
  if (bytes.length === 0) throw new ValidationError('文件为空', { photo: '文件为空' });
  if (bytes.length > MAX_PHOTO_BYTES) throw new ValidationError('照片不能超过15MB', { photo: '照片过大' });
  let format: string | undefined;
  try {
    format = (await sharp(bytes).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !['jpeg', 'png', 'webp', 'heif'].includes(format))
    throw new ValidationError('上传的文件不是照片（只接受 JPG、PNG、WebP、HEIC 图片）', {
      photo: '不是图片',
    });
  const exif = await readExif(bytes);
  const { data, info } = await sharp(bytes)
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 78, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height, ...exif };
}
