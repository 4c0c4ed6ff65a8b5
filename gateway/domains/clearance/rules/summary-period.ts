/** China Standard Time, in which customs counts summary periods (no daylight saving). */
const CST_OFFSET_MS = 8 * 3600_000;

const month = (year: number, monthIndex: number) => {
  const d = new Date(Date.UTC(year, monthIndex, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01T00:00:00+08:00`;
};

/**
 * The calendar month before `now` in China time: the period a monthly 9610 summary (CEB701)
 * covers, start inclusive, end exclusive.
 */
export function previousMonth(now: Date): { periodStart: string; periodEnd: string } {
  const china = new Date(now.getTime() + CST_OFFSET_MS);
  const year = china.getUTCFullYear();
  const index = china.getUTCMonth();
  return { periodStart: month(year, index - 1), periodEnd: month(year, index) };
}
