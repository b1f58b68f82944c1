import { quickXorHash } from './quick-xor-hash';

// Published reference vectors (input and hash in base64), as used by rclone's OneDrive backend.
describe('quickXorHash', () => {
  it.each([
    ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
    ['tbQ=', 'taAFAAAAAAAAAAAAAgAAAAAAAAA='],
    ['0pZP', '0rDEEwAAAAAAAAAAAwAAAAAAAAA='],
    ['jRRDVA==', 'jaDAEKgAAAAAAAAABAAAAAAAAAA='],
    ['eAV52qE=', 'eChAHrQRCgAAAAAABQAAAAAAAAA='],
    ['luBZlaT6', 'lgBHFipBCn0AAAAABgAAAAAAAAA='],
    ['qaApEj66lw==', 'qQBFCiTgA11cAgAABwAAAAAAAAA='],
    ['/aNzzCFPS/A=', '/RjFHJgRgicsAR4ACAAAAAAAAAA='],
  ])('hashes %s to %s', (input, expected) => {
    expect(quickXorHash(Buffer.from(input, 'base64'))).toBe(expected);
  });

  it('wraps around the 160-bit register for inputs longer than 20 bytes', () => {
    const long = Buffer.alloc(100, 0xff);
    expect(quickXorHash(long)).not.toBe(quickXorHash(Buffer.alloc(99, 0xff)));
    expect(Buffer.from(quickXorHash(long), 'base64')).toHaveLength(20);
  });
});
