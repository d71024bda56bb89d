/**
 * Postcode and place lookup from the compact table (scripts/places.mjs), decoded
 * once when first needed. Offline: nothing is asked of any server.
 */
import type { PlacesTable } from './places-table.js';
import { fold } from './text.js';

export interface Place {
  /** What to show: "55116" or "Mainz". */
  label: string;
  postcode?: string;
  lat: number;
  lon: number;
  /** Kreisschlüssel of the postcode, when known. */
  district?: string;
}

export class Places {
  readonly credit: string;
  private readonly codes: string[] = [];
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly districtIndex: number[];
  private readonly districtCodes: string[];
  private readonly byCode = new Map<string, number>();
  private readonly names: { name: string; folded: string; postcodes: number[] }[] = [];

  constructor(table: PlacesTable) {
    this.credit = table.credit;
    let code = 0;
    for (const delta of table.postcodes.split(',')) {
      code += parseInt(delta, 36);
      const text = String(code).padStart(5, '0');
      this.byCode.set(text, this.codes.length);
      this.codes.push(text);
    }
    this.lat = new Float64Array(this.codes.length);
    this.lon = new Float64Array(this.codes.length);
    let lat = 0;
    let lon = 0;
    table.coords.split(';').forEach((pair, i) => {
      const [dLat, dLon] = pair.split(',');
      lat += parseInt(dLat!, 36);
      lon += parseInt(dLon!, 36);
      this.lat[i] = lat / 100;
      this.lon[i] = lon / 100;
    });
    this.districtCodes = table.districts.split(',');
    this.districtIndex = table.postcodeDistricts.split(',').map((d) => parseInt(d, 36));
    const postcodeLines = table.namePostcodes.split('\n');
    let last = '';
    table.names.split('\n').forEach((line, i) => {
      const shared = parseInt(line[0]!, 36);
      const name = last.slice(0, shared) + line.slice(1);
      last = name;
      let p = 0;
      const postcodes = postcodeLines[i]!.split(',').map((d) => (p += parseInt(d, 36)));
      this.names.push({ name, folded: fold(name), postcodes });
    });
  }

  get size(): number {
    return this.codes.length;
  }

  private at(index: number, label: string): Place {
    const district = this.districtCodes[this.districtIndex[index]!];
    return { label, postcode: this.codes[index]!, lat: this.lat[index]!, lon: this.lon[index]!, ...(district ? { district } : {}) };
  }

  /** A full postcode, or undefined when Germany has no such (residential) postcode. */
  postcode(code: string): Place | undefined {
    const index = this.byCode.get(code);
    return index === undefined ? undefined : this.at(index, code);
  }

  /** Places whose name starts with the query (folded), best first: exact, then shorter names. */
  search(query: string, limit = 8): Place[] {
    const q = fold(query.trim());
    if (q.length < 2) return [];
    const hits = this.names.filter((n) => n.folded.startsWith(q) || n.folded.includes(` ${q}`) || n.folded.includes(`-${q}`));
    hits.sort((a, b) => Number(b.folded === q) - Number(a.folded === q) || Number(b.folded.startsWith(q)) - Number(a.folded.startsWith(q)) || a.name.length - b.name.length || a.name.localeCompare(b.name, 'de'));
    return hits.slice(0, limit).map((hit) => {
      // A town with several postcodes sits at their centroid.
      const lat = hit.postcodes.reduce((s, i) => s + this.lat[i]!, 0) / hit.postcodes.length;
      const lon = hit.postcodes.reduce((s, i) => s + this.lon[i]!, 0) / hit.postcodes.length;
      const first = this.at(hit.postcodes[0]!, hit.name);
      return hit.postcodes.length === 1 ? first : { label: hit.name, lat, lon };
    });
  }
}
