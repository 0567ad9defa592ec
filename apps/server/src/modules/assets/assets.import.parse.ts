import { importColumns, normalizeForSearch } from '@raccord/schemas';

/** A cell longer than this is an error (a 10 MB cell must not become a 10 MB string). */
export const MAX_CELL = 2000;

export interface RawRow {
  /** CSV: the file line where the record starts (header = 1); JSON: the object's position from 1. */
  line: number;
  values: Map<string, string>;
  /** Columns whose value was longer than MAX_CELL (then cut). */
  tooLong: string[];
}

export class FileError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const headerAliases = new Map<string, string>();
for (const c of importColumns) {
  for (const name of [c.key, c.fr]) headerAliases.set(normalizeForSearch(name.replace(/[_’']/g, ' ')), c.key);
}
headerAliases.set('ref', 'reference');
headerAliases.set('reference parent', 'parent_reference');
headerAliases.set('parent', 'parent_reference');
headerAliases.set('type', 'kind');
headerAliases.set('libelle', 'label');
headerAliases.set('insee', 'commune_code');
headerAliases.set('code commune', 'commune_code');

/** The column key of a header cell (English key or French label; accents, case, `_` ignored). */
export function columnOfHeader(header: string): string | null {
  return headerAliases.get(normalizeForSearch(header.replace(/[_’']/g, ' '))) ?? null;
}

async function* decodeUtf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let lines = 1;
  for await (const chunk of source) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new FileError('Le fichier n’est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 ».', lines);
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new FileError('Le fichier n’est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 ».', lines);
  }
}

/**
 * Streams the records of a CSV file (`;` or `,`, guessed from the header; quotes with `""`;
 * line breaks inside quotes; CRLF or LF). Memory: one record at a time.
 */
export async function* parseCsv(source: AsyncIterable<Uint8Array>): AsyncGenerator<RawRow> {
  let header: Array<string | null> | null = null;
  let delimiter = '';
  let field = '';
  let fieldTooLong = false;
  let record: string[] = [];
  let tooLong: number[] = [];
  let inQuotes = false;
  let quotePending = false;
  let line = 1;
  let recordLine = 1;
  let pendingText = '';
  const emit = (): RawRow | null => {
    if (fieldTooLong) tooLong.push(record.length);
    record.push(field);
    field = '';
    fieldTooLong = false;
    const cells = record;
    const long = tooLong;
    record = [];
    tooLong = [];
    if (cells.length === 1 && cells[0] === '') return null;
    if (!header) {
      header = cells.map((h) => columnOfHeader(h));
      return null;
    }
    const values = new Map<string, string>();
    const cut: string[] = [];
    header.forEach((key, i) => {
      if (!key) return;
      values.set(key, (cells[i] ?? '').trim());
      if (long.includes(i)) cut.push(key);
    });
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      values.set('__extra', String(cells.length));
    }
    return { line: recordLine, values, tooLong: cut };
  };
  let first = true;
  for await (let text of decodeUtf8(source)) {
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (!delimiter) {
      pendingText += text;
      const nl = pendingText.indexOf('\n');
      if (nl < 0 && pendingText.length < 65536) continue;
      const head = nl < 0 ? pendingText : pendingText.slice(0, nl);
      delimiter = (head.match(/;/g)?.length ?? 0) >= (head.match(/,/g)?.length ?? 0) ? ';' : ',';
      text = pendingText;
      pendingText = '';
    }
    const delimCode = delimiter.charCodeAt(0);
    // Runs of ordinary characters are sliced, not appended one by one.
    const append = (piece: string) => {
      if (field.length >= MAX_CELL) {
        if (piece.length > 0) fieldTooLong = true;
        return;
      }
      field += piece;
      if (field.length > MAX_CELL) {
        field = field.slice(0, MAX_CELL);
        fieldTooLong = true;
      }
    };
    for (let i = 0; i < text.length; ) {
      let ch = text.charCodeAt(i);
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (ch === 34) {
            append('"');
            i++;
            continue;
          }
          inQuotes = false;
        } else if (ch === 34) {
          quotePending = true;
          i++;
          continue;
        } else {
          let j = text.indexOf('"', i);
          if (j < 0) j = text.length;
          for (let k = text.indexOf('\n', i); k >= 0 && k < j; k = text.indexOf('\n', k + 1)) line++;
          append(text.slice(i, j));
          i = j;
          continue;
        }
        ch = text.charCodeAt(i);
      }
      if (ch === 34 && field.length === 0) {
        inQuotes = true;
        i++;
      } else if (ch === delimCode) {
        if (fieldTooLong) tooLong.push(record.length);
        record.push(field);
        field = '';
        fieldTooLong = false;
        i++;
      } else if (ch === 10) {
        if (field.endsWith('\r')) field = field.slice(0, -1);
        const row = emit();
        line++;
        recordLine = line;
        i++;
        if (row) yield row;
      } else {
        let j = i + 1;
        while (j < text.length) {
          const c = text.charCodeAt(j);
          if (c === delimCode || c === 10) break;
          j++;
        }
        append(text.slice(i, j));
        i = j;
      }
    }
  }
  if (!delimiter && pendingText) {
    delimiter = pendingText.includes(';') ? ';' : ',';
    // A file with one line and no line break: parse it as a header only.
    for (const ch of pendingText) field += ch;
  }
  if (inQuotes && !quotePending) throw new FileError('Guillemet ouvert jamais refermé.', recordLine);
  if (field !== '' || record.length > 0) {
    const row = emit();
    if (row) yield row;
  }
  if (!header) throw new FileError('Le fichier est vide : la ligne d’en-tête manque.', 1);
}

/** The columns found in a CSV header that are required but missing (checked on the first row). */
export function missingColumns(values: Map<string, string>): string[] {
  return importColumns.filter((c) => c.required && !values.has(c.key)).map((c) => c.key);
}

/**
 * Streams the objects of a JSON file: a top-level array of objects, or one object per line
 * (NDJSON). Objects use the English column keys; memory: one object at a time.
 */
export async function* parseJson(source: AsyncIterable<Uint8Array>): AsyncGenerator<RawRow> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let buf = '';
  let position = 0;
  let tooBig = false;
  let started = false;
  for await (const text of decodeUtf8(source)) {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (!started) {
        if (/\s/.test(ch)) continue;
        started = true;
        if (ch === '[') continue;
      }
      if (depth === 0) {
        if (ch === '{') {
          depth = 1;
          buf = '{';
          tooBig = false;
        } else if (!/[\s,\]]/.test(ch)) {
          throw new FileError(`JSON invalide : objet attendu, « ${ch} » trouvé.`, position + 1);
        }
        continue;
      }
      if (buf.length < 64 * MAX_CELL) buf += ch;
      else tooBig = true;
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) {
          position++;
          if (tooBig) throw new FileError('Objet JSON trop volumineux.', position);
          yield objectRow(buf, position);
          buf = '';
        }
      }
    }
  }
  if (depth !== 0) throw new FileError('JSON invalide : fichier tronqué.', position + 1);
  if (!started) throw new FileError('Le fichier est vide.', 1);
}

function objectRow(text: string, position: number): RawRow {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    throw new FileError('JSON invalide.', position);
  }
  const values = new Map<string, string>();
  const tooLong: string[] = [];
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = columnOfHeader(k);
    if (!key || v === null || v === undefined) continue;
    let s = Array.isArray(v) ? v.join('|') : String(v);
    if (s.length > MAX_CELL) {
      tooLong.push(key);
      s = s.slice(0, MAX_CELL);
    }
    values.set(key, s.trim());
  }
  return { line: position, values, tooLong };
}
