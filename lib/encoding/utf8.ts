/** The number of bytes a string takes as UTF-8 (what rs-llmspell reports as `len()`), counted without encoding. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4; // a surrogate pair is one code point
      i++;
    } else n += 3; // includes a lone surrogate, which encodes as U+FFFD
  }
  return n;
}
