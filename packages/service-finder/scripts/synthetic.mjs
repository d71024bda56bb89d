// Synthetic directories for benchmarks and tests: generateSynthetic(10000, 1) gives 10,000 fictional
// centres spread over Germany (around the demo cities, up to about 30 km out), with names made of
// random syllables and every field varied. Deterministic for a seed. Not for display as real data:
// the directory and every centre are marked fictional.
import { pathToFileURL } from 'node:url';
import { CITIES, prng, randomCentre } from './demo-data.mjs';

const SYLLABLES = ['lin', 'ka', 'ro', 'mat', 'sel', 'wen', 'dor', 'fi', 'bau', 'ster', 'ha', 'gen', 'tal', 'mo', 'rin', 'ne', 'bach', 'ul', 'frei', 'sa'];

/** @returns {{ version: 1, name: string, fictional: true, centres: object[] }} */
export function generateSynthetic(n, seed = 1) {
  const rnd = prng(seed);
  const word = () => {
    const w = Array.from({ length: 2 + rnd.int(2) }, () => rnd.pick(SYLLABLES)).join('');
    return w[0].toUpperCase() + w.slice(1);
  };
  const centres = [];
  for (let i = 0; i < n; i++) {
    const city = rnd.pick(CITIES);
    // Spread within about ±0.25° (roughly 25-30 km), kept inside the schema's bounds for Germany.
    const centre = randomCentre(rnd, `s${i}-${city[4]}`, city, { name: `${word()} ${rnd.pick(['Beratung', 'Treff', 'Zentrum', 'Stelle'])} ${city[1]} (synthetisch)`, spread: 0.5 });
    centre.location = { lat: Math.min(55.05, Math.max(47.3, centre.location.lat)), lon: Math.min(15.0, Math.max(5.9, centre.location.lon)) };
    centres.push(centre);
  }
  return { version: 1, name: `Synthetische Beratungsstellen (${n}, Seed ${seed})`, fictional: true, centres };
}

// node scripts/synthetic.mjs [n] [seed] > synthetic.json
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 10000);
  process.stdout.write(`${JSON.stringify(generateSynthetic(n, Number(process.argv[3] ?? 1)))}\n`);
}
