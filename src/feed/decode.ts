/**
 * Decodes a feed body as its declared charset (UTF-8 when unknown or unsupported); a BOM is dropped. As in the
 * Encoding standard's decode, a byte order mark wins over the declared charset: a spreadsheet saved as "Unicode
 * text" (UTF-16 with a BOM) and served without a charset still reads.
 */
export function decode(bytes: Uint8Array, charset?: string): string {
  const bom =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
          ? 'utf-8'
          : undefined;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(bom || charset || 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

/** The pieces of a body read in chunks, end to end. */
export function joinBytes(chunks: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
  return bytes;
}
