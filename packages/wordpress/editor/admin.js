// The admin script of the centre screens: the centre form (hours check and
// preview, position from the postcode) and the import page (HSDS conversion).
// Each part looks for its own form and does nothing elsewhere.
import './centre-form.js';
import './centres-import.js';
