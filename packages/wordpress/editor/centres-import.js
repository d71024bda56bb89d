/* global wp -- wp.i18n, which WordPress loads before this script. */
/*
 * Centres → Import and export: a file in Open Referral HSDS (the format many
 * portals keep their services in) is converted in the browser with the
 * finder's own importer (@wegweiser/service-finder/hsds), which fills Land and
 * position from the offline postcode table. The converted directory is sent
 * instead of the file, with the importer's notes; WordPress then checks it like
 * any directory file, all or nothing. A directory file goes up unchanged.
 */
import { importHsds } from '@wegweiser/service-finder/hsds';
import { places } from './places.js';

const { __, sprintf } = wp.i18n;

const form = document.getElementById('wegweiser-import-form');
const file = document.getElementById('wegweiser-file');
const status = document.getElementById('wegweiser-import-status');

const isDirectory = (json) => json !== null && typeof json === 'object' && !Array.isArray(json) && json.version === 1 && Array.isArray(json.centres);

function hidden(name, value) {
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = name;
  input.value = value;
  form.append(input);
}

if (form && file && status) {
  let converted = false;
  form.addEventListener('submit', async (event) => {
    if (converted || !file.files?.length) return;
    event.preventDefault();
    let json;
    try {
      json = JSON.parse(await file.files[0].text());
    } catch {
      // Not JSON: WordPress says so, with the parser's message.
      converted = true;
      form.requestSubmit();
      return;
    }
    if (!isDirectory(json)) {
      const { directory, report } = importHsds(json, { places: places() });
      if (directory.centres.length === 0) {
        status.textContent = sprintf(
          /* translators: %s: the importer's notes, separated by semicolons */
          __('This file is neither a Wegweiser directory nor HSDS with a usable service. Nothing was changed. Notes: %s', 'wegweiser'),
          report.problems.join('; ') || '–',
        );
        return;
      }
      hidden('wegweiser_converted', JSON.stringify(directory));
      hidden('wegweiser_notes', JSON.stringify(report.problems.slice(0, 50)));
      // The converted directory goes instead of the file.
      file.value = '';
    }
    converted = true;
    form.requestSubmit();
  });
}
