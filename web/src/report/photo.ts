// Photos are shrunk and re-encoded on the phone before upload: a 12 MP camera photo of
// 4-6 MB becomes a JPEG of about 200-400 KB (minutes saved on 3G), and the EXIF block,
// with the GPS position of the reporter's home, is not carried over.

export const PHOTO_MAX_EDGE = 1600;
export const PHOTO_QUALITY = 0.82;
const THUMB_EDGE = 160;
const THUMB_QUALITY = 0.6;

export interface Size {
  width: number;
  height: number;
}

/** The size that keeps the aspect ratio and has no edge longer than `maxEdge`; never enlarges. */
export function fitWithin(width: number, height: number, maxEdge: number): Size {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

const imageName = /\.(jpe?g|png|webp|gif|bmp|avif|heic|heif)$/i;

/** Some gallery apps send files without a type: then the name decides. */
export function isImageFile(file: File): boolean {
  return file.type ? file.type.startsWith('image/') : imageName.test(file.name);
}

export interface ShrunkPhoto extends Size {
  blob: Blob;
  /** A small JPEG data URL for the preview and the saved draft. */
  thumb: string | null;
}

type Source = ImageBitmap | HTMLImageElement;

/** Decodes with the camera's orientation applied (portrait photos stay upright). */
async function decode(file: Blob): Promise<Source> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      // older engines reject the options; an <img> below still honours the orientation
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function draw(source: Source, size: Size): OffscreenCanvas | HTMLCanvasElement {
  const canvas =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(size.width, size.height)
      : Object.assign(document.createElement('canvas'), size);
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new Error('No 2D canvas');
  ctx.fillStyle = '#fff'; // transparent PNG areas would turn black in a JPEG
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.drawImage(source, 0, 0, size.width, size.height);
  return canvas;
}

function toJpeg(canvas: OffscreenCanvas | HTMLCanvasElement, quality: number): Promise<Blob> {
  if (!(canvas instanceof HTMLCanvasElement)) {
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality),
  );
}

function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** Decodes, shrinks to `PHOTO_MAX_EDGE` and re-encodes as JPEG; throws if it is no image. */
export async function shrinkPhoto(file: Blob): Promise<ShrunkPhoto> {
  const source = await decode(file);
  try {
    const natural = { width: source.width, height: source.height };
    if (!natural.width || !natural.height) throw new Error('Empty image');
    const size = fitWithin(natural.width, natural.height, PHOTO_MAX_EDGE);
    const blob = await toJpeg(draw(source, size), PHOTO_QUALITY);
    const thumbSize = fitWithin(natural.width, natural.height, THUMB_EDGE);
    const thumb = await toJpeg(draw(source, thumbSize), THUMB_QUALITY)
      .then(toDataUrl)
      .catch(() => null);
    return { blob, thumb, ...size };
  } finally {
    if ('close' in source) source.close();
  }
}
