/**
 * A small seeded generator (mulberry32: 32-bit state, full period 2^32) for the API's random ids in a recorded
 * run: the same seed gives the same ids on replay. Written by hand because it is six lines and must match, bit
 * for bit, the copy the JavaScript prelude installs as `Math.random` (lib/spell/globals/tape.ts).
 */
export function createSeededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
