// AssemblyScript, compiled to WebAssembly by scripts/build-wasm.mjs into csv-wasm.ts (the
// TypeScript build never reads this file). It is CsvSplitter's inner loop (csv-fields.ts): it
// splits delimited records into field boundaries by papaparse's quoting rules, in blocks of the
// module's memory that the caller allocated (field-keys.as.ts's alloc). Written in WebAssembly
// because the same loop in JavaScript cost ~130 ms of the ~570 ms an import of online-retail
// (48 MB) spent parsing, plus its JIT warm-up; this runs in ~35 ms (Node), unquoted fields being
// scanned sixteen bytes at a time with WebAssembly SIMD (Chrome 91, Firefox 89, Safari 16.4).

const NL: u32 = 0x0a;
const CR: u32 = 0x0d;
const QUOTE: u32 = 0x22;

/** Records split by the last call. */
let records: i32 = 0;
/** The field whose opening quote is never closed (it runs to the end of the source), or -1. */
let openField: i32 = -1;
/** The last call stopped early because the field or record arrays were full. */
let full: bool = false;
/** Line number of the next record (header and blank lines count). */
let nextLine: i32 = 1;
/** The next record is a header: counted, not returned. */
let skipHeader: bool = false;

export function reset(header: bool): void {
  nextLine = 1;
  skipHeader = header;
}

export function count(): i32 {
  return records;
}

export function open(): i32 {
  return openField;
}

export function more(): bool {
  return full;
}

export function lines(): i32 {
  return nextLine - 1;
}

@inline function byte(b: usize, i: i32): u32 {
  return <u32>load<u8>(b + <usize>i);
}

@inline function put(a: usize, i: i32, v: i32): void {
  store<i32>(a + (<usize>i << 2), v);
}

@inline function get(a: usize, i: i32): i32 {
  return load<i32>(a + (<usize>i << 2));
}

/**
 * The first position from p on (len if none) of a delimiter or a newline: sixteen bytes at a time
 * (SIMD), then byte by byte.
 */
@inline function scan(b: usize, p: i32, len: i32, delim: u32): i32 {
  const d = i8x16.splat(<i8>delim);
  const n = i8x16.splat(<i8>NL);
  while (p + 16 <= len) {
    const v = v128.load(b + <usize>p);
    const hits = i8x16.bitmask(v128.or(i8x16.eq(v, d), i8x16.eq(v, n)));
    if (hits != 0) return p + ctz(hits);
    p += 16;
  }
  while (p < len) {
    const c = byte(b, p);
    if (c == delim || c == NL) break;
    p++;
  }
  return p;
}

@inline function isSpace(c: u32): bool {
  return c == 32 || (c >= 9 && c <= 13);
}

/**
 * Splits the complete records of bytes [from, len) at `b`: field f spans [starts[f], ends[f]) (a
 * quoted field's span includes its quotes), record r has fields [first[r], first[r + 1]) and line
 * number line[r]. Returns the offset after the last record split. When `final`, what is left is the
 * last record. Stops early, with more() true, when `fieldCap` fields or `recordCap` records are used.
 */
export function split(b: usize, from: i32, len: i32, final: bool, delim: u32, crlf: bool, starts: usize, ends: usize, first: usize, line: usize, fieldCap: i32, recordCap: i32): i32 {
  records = 0;
  openField = -1;
  full = false;
  put(first, 0, 0);
  let nf: i32 = 0;
  let p: i32 = from;
  while (p < len) {
    if (records >= recordCap) {
      full = true;
      break;
    }
    const recStart = p;
    const f0 = nf;
    // A record the bytes end inside (or that does not fit) is left for the next call.
    let incomplete = false;
    while (true) {
      if (nf >= fieldCap) {
        full = true;
        incomplete = true;
        break;
      }
      const s = p;
      put(starts, nf, s);
      let rowEnds = false;
      if (p < len && byte(b, p) == QUOTE) {
        let q = p;
        let e: i32 = 0;
        while (true) {
          q++;
          while (q < len && byte(b, q) != QUOTE) q++;
          if (q >= len - 1) {
            // No closing quote yet, or one at the very end: the next bytes decide, unless there are none.
            if (!final) {
              incomplete = true;
              break;
            }
            if (q >= len) openField = nf;
            e = p = len;
            rowEnds = true;
            break;
          }
          if (byte(b, q + 1) == QUOTE) {
            q++;
            continue;
          }
          // A closing quote is followed by blanks and then a delimiter or a newline; any other
          // quote is part of the text.
          let k = q + 1;
          while (k < len) {
            const c = byte(b, k);
            if (c == delim) break;
            if (crlf) {
              if (c == CR && k + 1 < len && byte(b, k + 1) == NL) break;
            } else if (c == NL) break;
            if (!isSpace(c)) break;
            k++;
          }
          if (k == len || (crlf && k == len - 1 && byte(b, k) == CR)) {
            if (!final) {
              incomplete = true;
              break;
            }
            continue;
          }
          const c = byte(b, k);
          if (c == delim) {
            e = q + 1;
            p = k + 1;
            break;
          }
          if (c == NL || (crlf && c == CR)) {
            e = q + 1;
            p = k + (crlf ? 2 : 1);
            rowEnds = true;
            break;
          }
        }
        if (incomplete) break;
        put(ends, nf++, e);
      } else {
        let c: u32 = 0;
        while (true) {
          p = scan(b, p, len, delim);
          if (p < len) c = byte(b, p);
          if (p == len) {
            if (!final) {
              incomplete = true;
              break;
            }
            put(ends, nf++, len);
            rowEnds = true;
            break;
          }
          if (c == delim) {
            put(ends, nf++, p++);
            break;
          }
          if (!crlf || (p > s && byte(b, p - 1) == CR)) {
            put(ends, nf++, crlf ? p - 1 : p);
            p++;
            rowEnds = true;
            break;
          }
          p++; // a bare \n in a \r\n file is part of the field
        }
        if (incomplete) break;
      }
      if (rowEnds) break;
    }
    if (incomplete) {
      p = recStart;
      break;
    }
    const ln = nextLine++;
    // Papaparse yields one empty field for a blank line (and for a lone `""`); the reader skips it.
    let blank = false;
    if (nf - f0 == 1) {
      const s0 = get(starts, f0);
      const e0 = get(ends, f0);
      if (e0 == s0) blank = true;
      else if (byte(b, s0) == QUOTE) blank = f0 == openField ? e0 == s0 + 1 : e0 - s0 == 2;
    }
    if (skipHeader || blank) {
      skipHeader = false;
      nf = f0;
      continue;
    }
    put(line, records, ln);
    put(first, ++records, nf);
  }
  return p;
}
