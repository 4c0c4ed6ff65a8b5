/**
 * Reads the clearance data tables: UTF-8 CSV with a header row, `#` comment lines, no quoting
 * (the tables hold codes, rates and dates only). A row with the wrong number of cells is an
 * error naming its line, so a broken table fails at start-up, not at a declaration.
 */
export function readCsvTable(text: string, source: string): Array<Record<string, string>> {
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), no: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'));
  if (lines.length === 0) return [];
  const header = lines[0].line.split(',').map((h) => h.trim());
  return lines.slice(1).map(({ line, no }) => {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== header.length)
      throw new Error(
        `${source} line ${no}: ${cells.length} cells, the header has ${header.length}`,
      );
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}
