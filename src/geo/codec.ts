/**
 * Decoder for the number strings in src/geo/data/ (written by scripts/make-geo-data.mjs and make-basemap.mjs):
 * each integer is a run of characters, 5 bits each, least significant first, character code 63 + bits, plus 32
 * while more follow; signed values are zig-zag mapped (0, -1, 1, -2 ... -> 0, 1, 2, 3 ...).
 */

/** Reads `count` numbers from `text` at `start` into `out`, as running sums when `delta`. Returns the next position. */
export function decodeRun(
  text: string,
  start: number,
  count: number,
  out: Int32Array | number[],
  signed: boolean,
  delta: boolean,
): number {
  let pos = start;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    let value = 0;
    let scale = 1;
    let c: number;
    do {
      c = text.charCodeAt(pos++) - 63;
      if (!(c >= 0 && c < 64)) throw new Error('Corrupt geographic data');
      value += (c & 31) * scale;
      scale *= 32;
    } while (c & 32);
    if (signed) value = value % 2 ? -(value + 1) / 2 : value / 2;
    sum = delta ? sum + value : value;
    out[i] = sum;
  }
  return pos;
}

/** Sequential reader of the same encoding: `u()` the next unsigned number, `s()` the next signed one. */
export function numberReader(text: string): { u(): number; s(): number } {
  let pos = 0;
  const u = (): number => {
    let value = 0;
    let scale = 1;
    let c: number;
    do {
      c = text.charCodeAt(pos++) - 63;
      if (!(c >= 0 && c < 64)) throw new Error('Corrupt geographic data');
      value += (c & 31) * scale;
      scale *= 32;
    } while (c & 32);
    return value;
  };
  return {
    u,
    s() {
      const v = u();
      return v % 2 ? -(v + 1) / 2 : v / 2;
    },
  };
}
