import { decodePng, encodePng } from './png';
import { colorIcon, outlineIcon } from './icons';

describe('encodePng', () => {
  it('writes a PNG that decodes back to the same pixels', () => {
    const pixels = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const decoded = decodePng(encodePng({ width: 3, height: 2, pixels }));
    expect(decoded.width).toBe(3);
    expect(decoded.height).toBe(2);
    expect([...decoded.pixels]).toEqual([...pixels]);
  });

  it('refuses a pixel buffer of the wrong size', () => {
    expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(3) })).toThrow('expected 16 bytes');
  });

  it('is byte-for-byte reproducible, so committed icons can be checked for drift', () => {
    expect(colorIcon(32).equals(colorIcon(32))).toBe(true);
  });
});

describe('decodePng', () => {
  it('notices a corrupted chunk', () => {
    const png = encodePng({ width: 1, height: 1, pixels: new Uint8Array([1, 2, 3, 4]) });
    png[20] = (png[20] ?? 0) ^ 0xff; // inside IHDR's data
    expect(() => decodePng(png)).toThrow('bad CRC in IHDR');
  });
});

describe('the icons', () => {
  it('draws the colour icon opaque in the middle and transparent in the rounded corners', () => {
    const { pixels, width } = decodePng(colorIcon(192));
    const alphaAt = (x: number, y: number) => pixels[(y * width + x) * 4 + 3];
    expect(alphaAt(96, 96)).toBe(255);
    expect(alphaAt(0, 0)).toBe(0);
  });

  it('draws the outline icon in white only, with some opaque pixels', () => {
    const { pixels } = decodePng(outlineIcon(32));
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) continue;
      expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      opaque++;
    }
    expect(opaque).toBeGreaterThan(100);
  });
});
