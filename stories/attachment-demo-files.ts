/**
 * Files for the stories of the attachment picker, in the contact form and in the team inbox's
 * answer: made here, fictional and labelled DEMO. Not a story file (no `.stories.ts`), so that
 * Storybook does not take these functions for stories.
 */

/** A photographed letter, drawn here: fictional content, labelled DEMO. */
export async function demoPhoto(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 900;
  canvas.height = 1200;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#f4f1ea';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#222';
  context.font = '36px sans-serif';
  const lines = ['Beispielbrief (erfunden, DEMO)', '', 'Sehr geehrte Frau Beispiel,', 'bitte reichen Sie die Unterlagen', 'bis zum 15.01.2027 ein.', '', 'Mit freundlichen Grüßen', 'Muster-Amt (DEMO)'];
  lines.forEach((line, index) => context.fillText(line, 80, 140 + index * 60));
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/jpeg', 0.9));
  // A camera's file name, with the date and time the photo was taken: the list shows "Photo 1.jpg".
  return new File([blob], 'IMG_20261130_214712.jpg', { type: 'image/jpeg' });
}

/** A one-page PDF written out by hand, with an author to remove: fictional, labelled DEMO. */
export function demoPdf(): File {
  const content = 'BT /F1 16 Tf 40 540 Td (Antrag, Beispiel - DEMO) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Author (DEMO Maria Beispiel) /Creator (DEMO Scanner App) >>',
  ];
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new File([text], 'Antrag Jobcenter (DEMO).pdf', { type: 'application/pdf' });
}

/** Bytes that are no photo, under a phone's HEIC name: refused in every browser. */
export const unreadablePhoto = () => new File(['DEMO: no photo'], 'IMG_0001.HEIC', { type: 'image/heic' });
