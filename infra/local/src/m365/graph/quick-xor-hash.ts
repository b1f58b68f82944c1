/**
 * QuickXorHash, the content hash OneDrive for Business and SharePoint report in
 * `file.hashes.quickXorHash`: each byte is XORed into a 160-bit register at a position that advances
 * 11 bits per byte, then the length (64-bit little-endian) is XORed into the last 8 bytes; base64.
 */
export function quickXorHash(data: Uint8Array): string {
  const widthInBytes = 20;
  const register = new Uint8Array(widthInBytes);
  for (let i = 0; i < data.length; i++) {
    const bitPosition = (i * 11) % 160;
    const byteIndex = Math.floor(bitPosition / 8);
    const bitOffset = bitPosition % 8;
    const value = data[i] as number;
    register[byteIndex]! ^= (value << bitOffset) & 0xff;
    if (bitOffset > 0) register[(byteIndex + 1) % widthInBytes]! ^= value >> (8 - bitOffset);
  }
  const length = BigInt(data.length);
  for (let i = 0; i < 8; i++) register[widthInBytes - 8 + i]! ^= Number((length >> BigInt(8 * i)) & 0xffn);
  return Buffer.from(register).toString('base64');
}
