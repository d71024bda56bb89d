/**
 * Photos redrawn in the browser (issue 23), loaded on demand when the first photo is added.
 *
 * A phone photo carries its GPS position, the time, the camera's make, model and serial number
 * (EXIF, XMP, IPTC, maker notes). Instead of finding and cutting those blocks out of every format,
 * the photo is decoded to pixels and encoded again: a canvas writes only the pixels (JPEG with a
 * JFIF header, or PNG), so nothing of the original file's metadata can survive, including blocks
 * no stripper knows about. The orientation is applied while decoding (the EXIF orientation tag is
 * gone afterwards, so it must be baked into the pixels), and the photo is downscaled to at most
 * `attachmentLimits.maxLongSidePixels` on the long side: a letter stays readable, the file small.
 */
import { attachmentLimits, type AttachmentType } from './types.js';
import { AttachmentRefusedError } from './refusal.js';

export interface CleanedImage {
  readonly type: Extract<AttachmentType, 'image/jpeg' | 'image/png'>;
  readonly bytes: Uint8Array;
  /** A small JPEG for the list; the caller makes it an object URL and revokes it. */
  readonly thumbnail: Blob;
  /** The cleaned image's size in pixels, orientation applied. */
  readonly width: number;
  readonly height: number;
}

/** Quality for JPEG: text on a photographed letter stays sharp, the file stays a few hundred kB. */
const jpegQuality = 0.85;
const thumbnailLongSide = 160;

type DrawingCanvas = OffscreenCanvas | HTMLCanvasElement;

/** OffscreenCanvas where there is one (no DOM node), else a detached <canvas>. */
function canvasOfSize(width: number, height: number): DrawingCanvas {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function context2d(canvas: DrawingCanvas, options?: CanvasRenderingContext2DSettings): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', options) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  // No 2D context: the browser cannot draw here (a locked-down mode); the photo cannot be cleaned.
  if (!context) throw new AttachmentRefusedError('undecodable-image');
  return context;
}

async function encode(canvas: DrawingCanvas, type: CleanedImage['type'], quality?: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new AttachmentRefusedError('undecodable-image'))), type, quality);
  });
}

/** The size that fits `longSide`, never enlarged. */
export function fittedSize(width: number, height: number, longSide: number): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function drawScaled(bitmap: ImageBitmap, longSide: number, options?: CanvasRenderingContext2DSettings, background?: string) {
  const size = fittedSize(bitmap.width, bitmap.height, longSide);
  const canvas = canvasOfSize(size.width, size.height);
  const context = context2d(canvas, options);
  if (background) {
    context.fillStyle = background;
    context.fillRect(0, 0, size.width, size.height);
  }
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  return { canvas, context, ...size };
}

/** Whether any pixel is not fully opaque: only then is PNG worth its size. */
function hasTransparency(context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, width: number, height: number): boolean {
  const pixels = context.getImageData(0, 0, width, height).data;
  for (let alphaIndex = 3; alphaIndex < pixels.length; alphaIndex += 4) {
    if (pixels[alphaIndex] !== 255) return true;
  }
  return false;
}

/**
 * Decodes `file`, applies its orientation, downscales and encodes it again. Throws
 * `AttachmentRefusedError('undecodable-image')` when this browser cannot decode it (HEIC outside
 * Safari, a damaged file, a format that is not a photo).
 */
export async function cleanImage(file: Blob): Promise<CleanedImage> {
  let bitmap: ImageBitmap;
  try {
    // 'from-image': the EXIF orientation is applied to the pixels, so the photo stays upright once
    // the tag is gone.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new AttachmentRefusedError('undecodable-image', error);
  }
  try {
    // A JPEG has no transparency to keep; anything else is checked.
    const mayBeTransparent = file.type !== 'image/jpeg';
    const full = drawScaled(bitmap, attachmentLimits.maxLongSidePixels, mayBeTransparent ? { willReadFrequently: true } : undefined);
    const type = mayBeTransparent && hasTransparency(full.context, full.width, full.height) ? 'image/png' : 'image/jpeg';
    const cleaned = await encode(full.canvas, type, type === 'image/jpeg' ? jpegQuality : undefined);
    // The thumbnail is a JPEG, which has no transparency: transparent parts show white, not black.
    const small = drawScaled(bitmap, thumbnailLongSide, undefined, 'white');
    const thumbnail = await encode(small.canvas, 'image/jpeg', 0.8);
    return { type, bytes: new Uint8Array(await cleaned.arrayBuffer()), thumbnail, width: full.width, height: full.height };
  } catch (error) {
    if (error instanceof AttachmentRefusedError) throw error;
    // Out of memory for a very large photo, or a canvas the browser will not encode.
    throw new AttachmentRefusedError('undecodable-image', error);
  } finally {
    // The decoded pixels can be tens of megabytes: free them now, not at the next collection.
    bitmap.close();
  }
}
