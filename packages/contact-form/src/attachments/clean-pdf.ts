/**
 * PDFs without their document information and XMP metadata (issue 23), loaded on demand when the
 * first PDF is added: pdf-lib (MIT) parses the file and writes a fresh one.
 *
 * Why a fresh file and not pdf-lib's PDFDocument.save(): save() keeps the trailer's /Info (it
 * writes `trailerInfo.Info` back), writes every object it parsed, referenced or not (an old /Info
 * or XMP stream left behind by an incremental update would survive), and, unless told otherwise,
 * adds its own Producer, Creator and dates. So this works on pdf-lib's object layer: it drops the
 * trailer's /Info and /ID, removes /Metadata (XMP) and /PieceInfo (an application's private data)
 * from every dictionary, keeps only the objects reachable from the document catalog, and writes
 * them as one new file without the old file's history. The JPEG images inside (a scanning app's
 * photo of a letter) lose their EXIF, XMP and IPTC segments too.
 *
 * Only pdf-lib's core (parser, objects, writer) is used, not its document API, and it comes
 * bundled by prebuild.mjs: without the metrics of the 14 standard fonts, which pdf-lib's utilities
 * import and this code never uses (100 kB gzip), and with pako's CommonJS turned into a module.
 */
// pdf-lib's core, bundled by prebuild.mjs (without pako's CommonJS and without font metrics).
import { PDFArray, PDFDict, PDFName, PDFParser, PDFRawStream, PDFRef, PDFStream, PDFWriter } from '../generated/pdf-lib-core.js';
import type PDFContext from 'pdf-lib/es/core/PDFContext.js';
import type PDFObject from 'pdf-lib/es/core/objects/PDFObject.js';
import { jpegWithoutMetadata } from './jpeg-segments.js';
import { AttachmentRefusedError } from './refusal.js';

/** Keys whose values describe the document, its authors or the software, not its content. */
const metadataKeys = [PDFName.of('Metadata'), PDFName.of('PieceInfo')];
const filterKey = PDFName.of('Filter');
const dctDecode = PDFName.of('DCTDecode');

/** The parser yields to the page every this many objects, so a large PDF does not freeze the form. */
const objectsPerTick = 200;

function isPdf(bytes: Uint8Array): boolean {
  // "%PDF-" within the first kilobyte, as readers accept it (ISO 32000-1, 7.5.2 and practice).
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return start.includes('%PDF-');
}

/** A JPEG image stream: its only filter is DCTDecode, so its bytes are a JPEG file. */
function isJpegStream(stream: PDFRawStream): boolean {
  const filter = stream.dict.get(filterKey);
  if (filter === dctDecode) return true;
  return filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === dctDecode;
}

/**
 * Walks everything reachable from the catalog, removing the metadata keys on the way, and returns
 * the references it reached.
 */
function cleanReachable(context: PDFContext, root: PDFRef): Set<PDFRef> {
  const reached = new Set<PDFRef>();
  const pending: PDFObject[] = [root];
  while (pending.length) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (reached.has(object)) continue;
      const target = context.lookup(object);
      if (!target) continue;
      reached.add(object);
      if (target instanceof PDFRawStream && isJpegStream(target)) {
        const stripped = jpegWithoutMetadata(target.contents);
        // An image whose segments cannot be read is kept as it is: its pixels are the content.
        if (stripped && stripped !== target.contents) context.assign(object, PDFRawStream.of(target.dict, stripped));
      }
      pending.push(target);
    } else if (object instanceof PDFDict || object instanceof PDFStream) {
      const dict = object instanceof PDFStream ? object.dict : object;
      for (const key of metadataKeys) dict.delete(key);
      for (const [, value] of dict.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  return reached;
}

/**
 * The PDF without document information, XMP metadata, unreferenced objects and earlier versions.
 * Throws `AttachmentRefusedError` with 'encrypted-pdf' (a password or encryption: it cannot be
 * cleaned without opening it) or 'broken-pdf' (not a PDF, or no document in it).
 */
export async function cleanPdf(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isPdf(bytes)) throw new AttachmentRefusedError('broken-pdf');
  let context: PDFContext;
  try {
    context = await PDFParser.forBytesWithOptions(bytes, objectsPerTick).parseDocument();
  } catch (error) {
    throw new AttachmentRefusedError('broken-pdf', error);
  }
  if (context.trailerInfo.Encrypt) throw new AttachmentRefusedError('encrypted-pdf');
  const root = context.trailerInfo.Root;
  if (!(root instanceof PDFRef) || !(context.lookup(root) instanceof PDFDict)) throw new AttachmentRefusedError('broken-pdf');

  // The trailer's document information (Author, Creator, Producer, Title, Subject, Keywords, dates)
  // and the file identifier (often a hash of the time and the file's path) are not written again.
  context.trailerInfo.Info = undefined;
  context.trailerInfo.ID = undefined;
  const reached = cleanReachable(context, root);
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reached.has(ref)) context.delete(ref);
  }
  try {
    return await PDFWriter.forContext(context, objectsPerTick).serializeToBuffer();
  } catch (error) {
    throw new AttachmentRefusedError('broken-pdf', error);
  }
}
