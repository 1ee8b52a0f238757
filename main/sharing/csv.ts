/**
 * CSV output that is safe to open in a spreadsheet: every cell is quoted, and a cell starting
 * with a formula trigger (`= + - @`, tab or carriage return) gets a leading apostrophe so it is
 * read as text, never evaluated (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly (string | number | boolean | null)[]): string {
  return cells.map(csvCell).join(',');
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  return [csvRow(header), ...rows.map(csvRow)].join('\r\n') + '\r\n';
}
