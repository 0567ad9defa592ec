import { operationErrors, refusals } from './operations.errors';
import type { IngestItem } from './operations.ingest';

/** The columns a CSV of logs may have (header row), as the JSON fields they fill. */
const columns: Record<string, string> = {
  reference: 'reference',
  contractreference: 'contractReference',
  operationtype: 'operationType',
  status: 'status',
  event: 'event',
  eventdate: 'eventDate',
  logdate: 'logDate',
  servicecode: 'serviceCode',
  'location.assetreference': 'location.assetReference',
  assetreference: 'location.assetReference',
  worktype: 'workType',
  criticallevel: 'criticalLevel',
  visitattempt: 'visitAttempt',
  equipmentworkingorder: 'equipmentWorkingOrder',
  origin: 'origin',
  description: 'description',
  idempotencykey: 'idempotencyKey',
};

/** Largest number of lines of one upload (each line is one log). */
export const MAX_CSV_LINES = 10_000;

/** Splits CSV text into records (`;` or `,`, guessed from the header; `""` quotes; CRLF or LF). */
function records(text: string): Array<{ line: number; cells: string[] }> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.indexOf('\n') < 0 ? body.length : body.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const out: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let start = 1;
  const end = () => {
    cells.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    if (!(cells.length === 1 && cells[0] === '')) out.push({ line: start, cells });
    cells = [];
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (inQuotes) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') inQuotes = true;
    else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n') {
      end();
      line++;
      start = line;
    } else field += ch;
  }
  if (inQuotes) throw operationErrors.csvInvalid('Guillemet ouvert jamais refermé.', start);
  if (field !== '' || cells.length > 0) end();
  return out;
}

/**
 * Reads an upload into items, one per line, with the line number in the file. The header must
 * name known columns (the JSON field names, `location.assetReference` dotted); empty cells are
 * absent fields.
 */
export function parseLogsCsv(text: string): IngestItem[] {
  const [header, ...rows] = records(text);
  if (!header) throw operationErrors.csvInvalid('Le fichier est vide : la ligne d’en-tête manque.', 1);
  const fields = header.cells.map((h) => columns[h.trim().toLowerCase()] ?? null);
  const unknown = header.cells.filter((_, i) => fields[i] === null);
  if (unknown.length > 0) {
    throw operationErrors.csvInvalid(`Colonnes inconnues dans l’en-tête : ${unknown.join(', ')}.`, header.line);
  }
  if (rows.length === 0) throw operationErrors.csvInvalid('Le fichier ne contient aucune ligne de journal.', 2);
  if (rows.length > MAX_CSV_LINES) {
    throw operationErrors.csvInvalid(`Un fichier compte au plus ${MAX_CSV_LINES} lignes (reçu : ${rows.length}).`);
  }
  return rows.map(({ line, cells }) => {
    const raw: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      const v = (cells[i] ?? '').trim();
      if (!f || v === '') return;
      if (f === 'location.assetReference') raw.location = { assetReference: v };
      else raw[f] = v;
    });
    if (cells.length > fields.length && cells.slice(fields.length).some((c) => c.trim() !== '')) {
      const message = `La ligne compte ${cells.length} cellules pour ${fields.length} colonnes d’en-tête.`;
      return { raw, line, refusal: refusals.invalid('line', message) };
    }
    return { raw, line };
  });
}
