/** RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF), tolerant of a UTF-8 BOM and GBK-free input. */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',' || ch === '，') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows.map((r) => r.map((f) => f.trim()));
}

/** Map header names (Chinese or English) to column indexes. */
export function headerIndex(header: string[], aliases: Record<string, string[]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, names] of Object.entries(aliases)) {
    const i = header.findIndex((h) => names.includes(h.trim().toLowerCase()) || names.includes(h.trim()));
    if (i >= 0) out[key] = i;
  }
  return out;
}
