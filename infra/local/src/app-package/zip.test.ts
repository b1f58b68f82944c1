import { deflateRawSync } from 'node:zlib';
import { readZip, writeZip } from './zip';

describe('writeZip and readZip', () => {
  const entries = [
    { name: 'manifest.json', data: Buffer.from('{"a":1}\n') },
    { name: 'color.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) },
    { name: 'map/ëxtra.txt', data: Buffer.alloc(0) },
  ];

  it('reads back the same names and bytes in the same order', () => {
    const back = readZip(writeZip(entries));
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    back.forEach((e, i) => expect(e.data.equals(entries[i]?.data ?? Buffer.alloc(1))).toBe(true));
  });

  it('gives identical bytes for identical input', () => {
    expect(writeZip(entries).equals(writeZip(entries))).toBe(true);
  });

  it('stores deflated data', () => {
    const big = { name: 'big.txt', data: Buffer.alloc(10_000, 'a') };
    expect(writeZip([big]).length).toBeLessThan(deflateRawSync(big.data).length + 200);
  });

  it('detects a corrupted entry', () => {
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('stored text that will be damaged') }]);
    const damaged = Buffer.from(zip);
    damaged[14] = (damaged[14] ?? 0) ^ 0xff; // the CRC in the local header is not read; break the central one instead
    const centralCrcOffset = damaged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16;
    damaged[centralCrcOffset] = (damaged[centralCrcOffset] ?? 0) ^ 0xff;
    expect(() => readZip(damaged)).toThrow('CRC mismatch');
  });

  it('rejects something that is not a zip', () => {
    expect(() => readZip(Buffer.from('hello'))).toThrow('not a zip file');
  });
});
