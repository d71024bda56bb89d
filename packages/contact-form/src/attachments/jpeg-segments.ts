/**
 * A JPEG file's segments (ITU T.81 B.1.1): the markers before the image data, where EXIF (APP1),
 * XMP (APP1), ICC profiles (APP2), IPTC (APP13) and comments (COM) live. Used by the PDF cleaner
 * for the JPEG images inside a PDF (a scanning app's photo of a letter keeps its EXIF there), and
 * by the tests to look into what the cleaners wrote.
 */

export interface JpegSegment {
  /** The marker's second byte: 0xe1 is APP1, 0xfe is COM, 0xda is the start of the scan. */
  readonly marker: number;
  /** Where the marker starts (its 0xff). */
  readonly start: number;
  /** Just after the segment; for the start of scan, the end of the file. */
  readonly end: number;
}

const startOfImage = 0xd8;
const startOfScan = 0xda;
const app0Jfif = 0xe0;
const app14Adobe = 0xee;

/** Whether the bytes start like a JPEG (the start-of-image marker). */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === startOfImage;
}

/**
 * The segments from the start of the image to the start of the scan, which runs to the end.
 * Returns null for bytes that are not a JPEG or whose segment lengths do not add up.
 */
export function jpegSegments(bytes: Uint8Array): JpegSegment[] | null {
  if (!isJpeg(bytes)) return null;
  const segments: JpegSegment[] = [{ marker: startOfImage, start: 0, end: 2 }];
  let position = 2;
  while (position + 4 <= bytes.length) {
    if (bytes[position] !== 0xff) return null;
    const marker = bytes[position + 1]!;
    // Fill bytes: a marker may be preceded by any number of 0xff.
    if (marker === 0xff) {
      position += 1;
      continue;
    }
    const length = (bytes[position + 2]! << 8) | bytes[position + 3]!;
    if (length < 2) return null;
    if (marker === startOfScan) {
      segments.push({ marker, start: position, end: bytes.length });
      return segments;
    }
    const end = position + 2 + length;
    if (end > bytes.length) return null;
    segments.push({ marker, start: position, end });
    position = end;
  }
  return null;
}

/**
 * Whether a segment may carry data about the person, the place or the device: every application
 * segment (APP1 EXIF and XMP, APP2 ICC, APP13 IPTC, the makers' own) and comments, except JFIF
 * (APP0: only the pixel density) and Adobe (APP14: the colour transform, needed to decode).
 */
export function isMetadataSegment(marker: number): boolean {
  const applicationSegment = marker >= 0xe0 && marker <= 0xef;
  const comment = marker === 0xfe;
  return (applicationSegment && marker !== app0Jfif && marker !== app14Adobe) || comment;
}

/** The JPEG without its metadata segments; the same bytes when there are none; null when it cannot be read. */
export function jpegWithoutMetadata(bytes: Uint8Array): Uint8Array | null {
  const segments = jpegSegments(bytes);
  if (!segments) return null;
  const kept = segments.filter((segment) => !isMetadataSegment(segment.marker));
  if (kept.length === segments.length) return bytes;
  const output = new Uint8Array(kept.reduce((total, segment) => total + segment.end - segment.start, 0));
  let offset = 0;
  for (const segment of kept) {
    output.set(bytes.subarray(segment.start, segment.end), offset);
    offset += segment.end - segment.start;
  }
  return output;
}
