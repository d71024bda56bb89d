/**
 * The answer form's files (issue 23): the contact form's own picker, with the inbox's label and
 * hint (it speaks to the team) and speaking through the inbox's live region. Loaded when the
 * first answer form is shown, so that neither the picker nor these texts are in the inbox's
 * first render; reading, cleaning and encryption load later still, with the first file.
 */
import { msg } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import type { Announcer } from '@wegweiser/core/announcer';
import { AttachmentPicker, attachmentStyles } from '@wegweiser/contact-form/attachment-picker';

export { attachmentStyles };

export function answerFilePicker(host: ReactiveControllerHost, options: { locale(): string; localize<T>(lookup: () => T): T; announcer: Announcer }): AttachmentPicker {
  return new AttachmentPicker(host, {
    ...options,
    label: () => msg('Files for the person (optional)'),
    privacyHint: () =>
      msg('Before sending, this browser removes location and camera data from photos and the author and program details from PDFs. The person opens the files with their code; the relay cannot read them.'),
  });
}
