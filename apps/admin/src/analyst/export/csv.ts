// CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends and a UTF-8 byte-order mark so
// that Excel shows "Panamá" rather than mojibake. Cells that a spreadsheet would run as a
// formula (=, +, -, @ first) are prefixed with an apostrophe.
export type Cell = string | number | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
