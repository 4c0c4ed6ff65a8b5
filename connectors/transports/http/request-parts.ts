/** One header of a received request (Node lower-cases names; repeated headers give the first). */
export function headerOf(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The query parameters of a received request URL (path with query, or absolute). */
export function queryOf(url: string): Record<string, string> {
  const parsed = new URL(url, 'http://localhost');
  return Object.fromEntries(parsed.searchParams.entries());
}
