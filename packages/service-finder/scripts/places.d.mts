import type { PlacesTable } from '../src/places-table.js';

export interface PlaceRow {
  postcode: string;
  place: string;
  district: string;
  lat: number;
  lon: number;
}
export function readRows(text: string): PlaceRow[];
export function encode(rows: PlaceRow[]): Omit<PlacesTable, 'credit'>;
export function buildPlaces(outFile: string, source?: string): PlacesTable | null;
