/**
 * QuickXorHash, the content hash SharePoint reports in `file.hashes.quickXorHash`, computed as the bytes
 * stream by: each byte is XORed into a 160-bit register at a position that advances 11 bits per byte,
 * then the length (64-bit little-endian) is XORed into the last 8 bytes; base64. Used only to recognise
 * a file SharePoint committed when the answer to the last fragment was lost — never as a proof of content
 * (that is the SHA-256 the API computes itself).
 */
export function createQuickXorHash(): { update(chunk: Uint8Array): void; digest(): string } {
  const widthInBytes = 20;
  const register = new Uint8Array(widthInBytes);
  let length = 0;
  return {
    update(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const bitPosition = ((length + i) * 11) % 160;
        const byteIndex = Math.floor(bitPosition / 8);
        const bitOffset = bitPosition % 8;
        const value = chunk[i] as number;
        register[byteIndex] = (register[byteIndex] as number) ^ ((value << bitOffset) & 0xff);
        if (bitOffset > 0) {
          const next = (byteIndex + 1) % widthInBytes;
          register[next] = (register[next] as number) ^ (value >> (8 - bitOffset));
        }
      }
      length += chunk.length;
    },
    digest() {
      const result = Uint8Array.from(register);
      const total = BigInt(length);
      for (let i = 0; i < 8; i++) {
        const at = widthInBytes - 8 + i;
        result[at] = (result[at] as number) ^ Number((total >> BigInt(8 * i)) & 0xffn);
      }
      return Buffer.from(result).toString('base64');
    },
  };
}
