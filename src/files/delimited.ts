/**
 * Rows of a CSV/TSV text (RFC 4180 quoting). The delimiter is the one of comma, semicolon and
 * tab found most often in the first line, since Excel in a Vietnamese locale saves CSV with ";".
 */
export function parseDelimited(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const candidates = [",", ";", "\t"];
  const counts = candidates.map((d) => firstLine.split(d).length);
  const delimiter = candidates[counts.indexOf(Math.max(...counts))];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
