/**
 * WCAG 2.x contrast, as defined in WCAG 2.2 "relative luminance" and "contrast ratio".
 * Pure functions, no DOM: used by the token tests and by the Storybook colour page.
 */

/** Minimum ratios for WCAG 2.2 AA: 1.4.3 (text) and 1.4.11 (non-text, "ui"). */
export const minimumRatio = Object.freeze({ text: 4.5, ui: 3 });

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*([^)]*)\)$/i;

/**
 * Parses `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()` and `rgba()`
 * (comma or space syntax, channels as numbers or percentages).
 * @param {string} color
 * @returns {{ r: number, g: number, b: number, a: number }} channels 0-255, alpha 0-1
 */
export function parseColor(color) {
  const text = String(color).trim();
  const hex = HEX.exec(text);
  if (hex) {
    let digits = hex[1];
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
    const [r, g, b, a = 255] = digits.match(/../g).map((pair) => parseInt(pair, 16));
    return { r, g, b, a: a / 255 };
  }
  const rgb = RGB.exec(text);
  if (rgb) {
    const parts = rgb[1].split(/\s*[,/]\s*|\s+/).filter(Boolean);
    if (parts.length === 3 || parts.length === 4) {
      const channel = (p) => (p.endsWith('%') ? (parseFloat(p) * 255) / 100 : parseFloat(p));
      const [r, g, b] = parts.slice(0, 3).map(channel);
      const a = parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
      if ([r, g, b, a].every(Number.isFinite)) return { r, g, b, a };
    }
  }
  throw new TypeError(`Cannot parse colour "${color}" (expected #hex or rgb())`);
}

/**
 * Relative luminance of an opaque colour, 0 (black) to 1 (white).
 * Uses the sRGB threshold 0.04045; WCAG's older 0.03928 gives the same result for 8-bit channels.
 * @param {string | { r: number, g: number, b: number }} color
 */
export function luminance(color) {
  const { r, g, b } = typeof color === 'string' ? parseColor(color) : color;
  const linear = (channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * Contrast ratio from 1 to 21. A translucent foreground is composited over the background;
 * the background must be opaque, because what lies under it is unknown.
 * @param {string} fg
 * @param {string} bg
 */
export function contrastRatio(fg, bg) {
  const back = parseColor(bg);
  if (back.a < 1) throw new RangeError(`Background "${bg}" is translucent; contrast is undefined`);
  const front = parseColor(fg);
  const mix = (f, b) => f * front.a + b * (1 - front.a);
  const over = { r: mix(front.r, back.r), g: mix(front.g, back.g), b: mix(front.b, back.b) };
  const [light, dark] = [luminance(over), luminance(back)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Checks one pair against WCAG 2.2 AA. Ratios are not rounded: 4.49 fails 4.5.
 * @param {string} fg
 * @param {string} bg
 * @param {'text' | 'ui'} kind
 */
export function checkContrast(fg, bg, kind) {
  const required = minimumRatio[kind];
  if (required === undefined) throw new TypeError(`Unknown contrast kind "${kind}" (text or ui)`);
  const ratio = contrastRatio(fg, bg);
  return { ratio, required, pass: ratio >= required };
}
