/**
 * "Near me": the browser's position, asked for once per click. The position is used for the
 * search on this page only; nothing here stores it or sends it anywhere.
 */

export interface Position {
  lat: number;
  lon: number;
}

/**
 * Asks the browser for the visitor's position. `failed` is called at once when the browser
 * has no geolocation, and later when the person declines or no position comes in time.
 */
export function locateVisitor(located: (position: Position) => void, failed: () => void): void {
  if (!('geolocation' in navigator)) {
    failed();
    return;
  }
  navigator.geolocation.getCurrentPosition(
    (position) => located({ lat: position.coords.latitude, lon: position.coords.longitude }),
    () => failed(),
    // A position up to ten minutes old is good enough for a radius in km.
    { maximumAge: 600_000, timeout: 20_000 },
  );
}
