// The finder's own offline postcode table (GeoNames, CC BY 4.0) and its reader,
// shared by the admin scripts. The package exports neither, so they come from
// its build output; they are only in the admin script, which only the centre
// screens load. Decoded once, when first needed.
import { table } from '../../service-finder/dist/generated/places.js';
import { Places } from '../../service-finder/dist/places.js';

let decoded;
export function places() {
  decoded ??= new Places(table);
  return decoded;
}
