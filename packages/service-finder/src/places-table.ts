/** The encoded postcode/place table as scripts/places.mjs writes it (format documented there). */
export interface PlacesTable {
  credit: string;
  postcodes: string;
  coords: string;
  districts: string;
  postcodeDistricts: string;
  names: string;
  namePostcodes: string;
}
