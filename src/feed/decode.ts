/** Decodes a feed body as its declared charset (UTF-8 when unknown or unsupported); a BOM is dropped. */
export function decode(bytes: Uint8Array, charset?: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset || 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
