/* global wp -- wp.i18n, which WordPress loads before this script. */
/*
 * The centre form in wp-admin: each opening-hours field is checked with the
 * badge's own parser while the editor types, and a valid value is previewed
 * as the badge with the coming week, in the centre's Land; the anonymous
 * contact's public key is checked with the contact form's own parser. WordPress
 * checks the saved entry again against the directory schema and the key
 * (includes/centres.php, includes/directory-schema.php).
 */
import { parseOpeningHours, OpeningHoursError } from '@wegweiser/hours/engine';
import { centrePattern, keyPrefix, parsePublicKey, PublicKeyError } from '@wegweiser/contact-form/public-key';
import { places as loadPlaces } from './places.js';

const { __, sprintf } = wp.i18n;

function problemOf(text) {
  if (text.trim() === '') return null;
  try {
    parseOpeningHours(text);
    return null;
  } catch (error) {
    if (!(error instanceof OpeningHoursError)) throw error;
    return error;
  }
}

function describe(problem) {
  const found = problem.found
    ? sprintf(/* translators: %s: the text the parser did not expect */ __('“%s”', 'wegweiser'), problem.found)
    : __('the end of the text', 'wegweiser');
  return `${sprintf(/* translators: 1: character position, 2: what was found there */ __('The hours cannot be read at character %1$d: found %2$s.', 'wegweiser'), problem.position + 1, found)} ${sprintf(
    /* translators: %s: a list of what may come there */ __('Expected: %s', 'wegweiser'),
    problem.expected.join(', '),
  )}`;
}

const land = document.getElementById('wegweiser-land');

for (const input of document.querySelectorAll('input[data-wegweiser-hours]')) {
  const channel = input.id.replace('wegweiser-hours_', '');
  const message = document.createElement('span');
  message.id = `${input.id}-problem`;
  message.className = 'wegweiser-hours-problem';
  // Announced when it changes, after a pause in typing (the parser runs on every input).
  message.setAttribute('aria-live', 'polite');
  const preview = document.createElement('div');
  preview.className = 'wegweiser-hours-preview';
  input.after(message, preview);
  input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '));

  let timer;
  const update = () => {
    const problem = problemOf(input.value);
    const text = problem ? describe(problem) : '';
    // Only a changed message is written, so a screen reader does not hear it again at every keystroke.
    if (message.textContent !== text) message.textContent = text;
    message.style.color = problem ? '#b32d2e' : '';
    message.style.display = problem ? 'block' : 'none';
    if (problem) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    preview.replaceChildren();
    if (!problem && input.value.trim() !== '') {
      const badge = document.createElement('ww-hours-badge');
      badge.setAttribute('hours', input.value);
      badge.setAttribute('channel', channel);
      badge.setAttribute('show-week', '');
      if (land?.value) badge.setAttribute('region', land.value);
      preview.append(badge);
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  });
  land?.addEventListener('change', update);
  update();
}

/*
 * Location from the postcode: the finder measures distances from it, and the
 * editor rarely knows coordinates. The table is offline: nothing is asked of
 * any server. For an address that is not published, the city centre is the
 * better choice (the field's help says so); the editor can overwrite it.
 */
const postcode = document.getElementById('wegweiser-postcode');
const lat = document.getElementById('wegweiser-lat');
const lon = document.getElementById('wegweiser-lon');
if (postcode && lat && lon) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = __('Fill in latitude and longitude from the postcode', 'wegweiser');
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  status.className = 'wegweiser-location-status';
  const row = document.createElement('p');
  row.append(button, ' ', status);
  lon.closest('p')?.after(row);
  button.addEventListener('click', () => {
    const places = loadPlaces();
    const place = places.postcode(postcode.value.trim());
    if (!place) {
      status.textContent = __('This postcode is not in the table. Enter the position by hand.', 'wegweiser');
      return;
    }
    lat.value = place.lat.toFixed(4);
    lon.value = place.lon.toFixed(4);
    status.textContent = sprintf(/* translators: %s: the source of the data, e.g. "GeoNames (CC BY 4.0)" */ __('Filled in: the centre of the postcode area (data: %s).', 'wegweiser'), places.credit);
  });
}

/*
 * The anonymous contact's public key, checked as the finder checks it (the
 * contact form's parser: format, length, check value; then whether the key is
 * this centre's), so a key damaged by copy and paste is caught while it is
 * pasted. The words are the same as the check on saving (directory-schema.php).
 */
async function publicKeyProblem(text, centreId) {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  try {
    const key = await parsePublicKey(trimmed);
    if (centreId && centreId !== key.centre && !centreId.startsWith(`${key.centre}-`)) {
      return sprintf(
        /* translators: 1: the centre id inside the key, 2: the centre's own id (short name for links) */
        __('The key is for the centre "%1$s", not for "%2$s": its messages would go to another team. Ask this centre for its own key.', 'wegweiser'),
        key.centre,
        centreId,
      );
    }
    return '';
  } catch (error) {
    if (!(error instanceof PublicKeyError)) throw error;
    // The parser's reasons are for developers, in English; the editor reads the same words as on saving.
    const [prefix, centre, body, ...rest] = trimmed.split('.');
    if (prefix !== keyPrefix || rest.length !== 1) return __('The public key must look like wwk1.<centre>.<key>.<check>. Copy it again from the relay.', 'wegweiser');
    if (!centrePattern.test(centre)) return __('The centre name inside the public key is not valid.', 'wegweiser');
    if (!/^[A-Za-z0-9_-]{43}$/.test(body)) return __('The public key is damaged. Copy it again.', 'wegweiser');
    return __('The public key does not match its check value. Copy it again.', 'wegweiser');
  }
}

const keyInput = document.querySelector('input[data-wegweiser-public-key]');
if (keyInput) {
  const idInput = document.getElementById('wegweiser-id');
  const message = document.createElement('span');
  message.id = `${keyInput.id}-problem`;
  message.className = 'wegweiser-key-problem';
  message.setAttribute('aria-live', 'polite');
  message.style.color = '#b32d2e';
  keyInput.after(message);
  keyInput.setAttribute('aria-describedby', [keyInput.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '));
  let checking = 0;
  const update = async () => {
    const run = ++checking;
    const text = await publicKeyProblem(keyInput.value, idInput?.value.trim() ?? '');
    // Only the newest check speaks (Web Crypto answers asynchronously), and only a changed message is written.
    if (run !== checking) return;
    if (message.textContent !== text) message.textContent = text;
    message.style.display = text ? 'block' : 'none';
    if (text) keyInput.setAttribute('aria-invalid', 'true');
    else keyInput.removeAttribute('aria-invalid');
  };
  let timer;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  };
  keyInput.addEventListener('input', later);
  idInput?.addEventListener('input', later);
  void update();
}
