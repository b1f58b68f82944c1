import { encodePng, type RgbaImage } from './png';

/** Zaakwerk's accent colour (also the manifest's accentColor). */
export const accentColor = '#1F5C99';

type Rgb = readonly [number, number, number];
const white: Rgb = [255, 255, 255];
const accent: Rgb = [0x1f, 0x5c, 0x99];

/** Is the point (in a 0..1 square) inside the "Z" mark? Two bars and a diagonal stroke. */
function insideZ(x: number, y: number, margin: number): boolean {
  const left = margin;
  const right = 1 - margin;
  const top = margin;
  const bottom = 1 - margin;
  const bar = (bottom - top) * 0.2;
  if (x < left || x > right || y < top || y > bottom) return false;
  if (y <= top + bar || y >= bottom - bar) return true;
  // The diagonal runs from the top bar's right end to the bottom bar's left end.
  const [x1, y1, x2, y2] = [right, top + bar, left, bottom - bar];
  const cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
  const distance = Math.abs(cross) / Math.hypot(x2 - x1, y2 - y1);
  return distance <= bar * 0.8;
}

/** Rounded-square test for the coloured background, so the icon reads well on any surface. */
function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** Renders with 4×4 supersampling: antialiased edges without an image library. */
function render(size: number, shade: (x: number, y: number) => { rgb: Rgb; alpha: number }): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const { rgb, alpha } = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          r += rgb[0] * alpha;
          g += rgb[1] * alpha;
          b += rgb[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      // Colour is stored un-premultiplied, as PNG requires.
      pixels[i] = a > 0 ? Math.round(r / a) : 0;
      pixels[i + 1] = a > 0 ? Math.round(g / a) : 0;
      pixels[i + 2] = a > 0 ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return { width: size, height: size, pixels };
}

/** The full-colour icon: a white Z on an accent-coloured rounded square. */
export function colorIcon(size: number): Buffer {
  return encodePng(
    render(size, (x, y) => {
      if (!insideRoundedSquare(x, y, 0.18)) return { rgb: white, alpha: 0 };
      return { rgb: insideZ(x, y, 0.24) ? white : accent, alpha: 1 };
    }),
  );
}

/** Teams' outline icon: white on transparent, nothing else (Teams tints it). */
export function outlineIcon(size: number): Buffer {
  return encodePng(render(size, (x, y) => ({ rgb: white, alpha: insideZ(x, y, 0.12) ? 1 : 0 })));
}

/** Every generated icon, by path relative to the repository root. */
export function generatedIcons(): Record<string, Buffer> {
  return {
    'appPackage/color.png': colorIcon(192),
    'appPackage/outline.png': outlineIcon(32),
    'outlook-addin/public/assets/icon-16.png': colorIcon(16),
    'outlook-addin/public/assets/icon-32.png': colorIcon(32),
    'outlook-addin/public/assets/icon-80.png': colorIcon(80),
  };
}
