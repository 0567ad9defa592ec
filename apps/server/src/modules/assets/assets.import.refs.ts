/**
 * The references of an import and the row of each, kept compactly: the characters of every
 * reference in one Uint16Array, an open-addressing hash table of Int32. About 2 bytes a character
 * plus 16 bytes a reference, against ~150 for a Map<string, number> (whose keys would also keep
 * alive the decoded chunks of the file they were sliced from).
 */
export class RefIndex {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** Per entry: start of its characters (entry k ends where k + 1 starts). */
  private starts = new Uint32Array(1024 + 1);
  private rows = new Int32Array(1024);
  /** Slot → entry + 1 (0 = empty). */
  private table = new Int32Array(2048);
  private count = 0;

  get size(): number {
    return this.count;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  private equals(entry: number, s: string): boolean {
    const a = this.starts[entry] ?? 0;
    const b = this.starts[entry + 1] ?? 0;
    if (b - a !== s.length) return false;
    for (let i = 0; i < s.length; i++) if (this.chars[a + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** Slot of `s`: where it is, or the empty slot where it would go. */
  private slot(s: string, h = RefIndex.hash(s)): number {
    const mask = this.table.length - 1;
    let i = h & mask;
    for (;;) {
      const e = this.table[i] ?? 0;
      if (e === 0 || this.equals(e - 1, s)) return i;
      i = (i + 1) & mask;
    }
  }

  get(s: string): number | undefined {
    const e = this.table[this.slot(s)] ?? 0;
    return e === 0 ? undefined : this.rows[e - 1];
  }

  has(s: string): boolean {
    return (this.table[this.slot(s)] ?? 0) !== 0;
  }

  set(s: string, row: number): void {
    const at = this.slot(s);
    const e = this.table[at] ?? 0;
    if (e !== 0) {
      this.rows[e - 1] = row;
      return;
    }
    const k = this.count++;
    if (this.used + s.length > this.chars.length) {
      const next = new Uint16Array(Math.max(this.chars.length * 2, this.used + s.length));
      next.set(this.chars);
      this.chars = next;
    }
    if (k + 2 > this.starts.length) {
      const next = new Uint32Array(this.starts.length * 2);
      next.set(this.starts);
      this.starts = next;
    }
    if (k >= this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    this.starts[k] = this.used;
    for (let i = 0; i < s.length; i++) this.chars[this.used + i] = s.charCodeAt(i);
    this.used += s.length;
    this.starts[k + 1] = this.used;
    this.rows[k] = row;
    if (this.count * 2 > this.table.length) this.rehash();
    else this.table[at] = k + 1;
  }

  private rehash() {
    this.table = new Int32Array(this.table.length * 2);
    const mask = this.table.length - 1;
    for (let k = 0; k < this.count; k++) {
      let h = 0x811c9dc5;
      for (let c = this.starts[k] ?? 0, end = this.starts[k + 1] ?? 0; c < end; c++) {
        h ^= this.chars[c] ?? 0;
        h = Math.imul(h, 0x01000193);
      }
      let i = (h >>> 0) & mask;
      while ((this.table[i] ?? 0) !== 0) i = (i + 1) & mask;
      this.table[i] = k + 1;
    }
  }

  private keyAt(k: number): string {
    const a = this.starts[k] ?? 0;
    const b = this.starts[k + 1] ?? 0;
    let out = '';
    for (let i = a; i < b; i += 4096) out += String.fromCharCode(...this.chars.subarray(i, Math.min(b, i + 4096)));
    return out;
  }

  *keys(): Generator<string> {
    for (let k = 0; k < this.count; k++) yield this.keyAt(k);
  }

  *values(): Generator<number> {
    for (let k = 0; k < this.count; k++) yield this.rows[k] ?? 0;
  }

  *entries(): Generator<[string, number]> {
    for (let k = 0; k < this.count; k++) yield [this.keyAt(k), this.rows[k] ?? 0];
  }

  /** Entries whose row passes `keep` (the others' references are never turned into strings). */
  *entriesWhere(keep: (row: number) => boolean): Generator<[string, number]> {
    for (let k = 0; k < this.count; k++) {
      const row = this.rows[k] ?? 0;
      if (keep(row)) yield [this.keyAt(k), row];
    }
  }

  [Symbol.iterator](): Generator<[string, number]> {
    return this.entries();
  }
}
