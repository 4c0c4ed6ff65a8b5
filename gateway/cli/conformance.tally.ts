import { parseOnlyReason } from '../../mappings/pipeline/parse-only';
import { isLocated, type FileIssue, type FileResult } from './file-result';
import type { XsdOutcome } from './xsd-check';

/** One file of a conformance run: its result, whether it is a NEG-* sample, its XSD check. */
export interface ConformanceEntry {
  result: FileResult;
  negative: boolean;
  xsd?: XsdOutcome;
}

/** What one file counts for in the table. */
export interface FileVerdict {
  detected: boolean;
  parsed: boolean;
  lenient: boolean;
  mapped: boolean;
  /** A regular file with errors. */
  failed: boolean;
  /** A NEG-* file rejected with a located error, as it should be. */
  negOk: boolean;
  /** A NEG-* file that passed, or failed without saying where. */
  negBad: boolean;
}

export interface ConformanceCounts {
  files: number;
  detected: number;
  parsed: number;
  lenient: number;
  mapped: number;
  failed: number;
  negOk: number;
  negBad: number;
  xsdChecked: number;
  xsdValid: number;
}

export interface ConformanceRow extends ConformanceCounts {
  format: string;
  messageType: string;
}

export interface ListedIssue {
  file: string;
  issue: FileIssue;
}

export interface ConformanceReport {
  rows: ConformanceRow[];
  total: ConformanceCounts;
  /** First error of each failed regular file. */
  failures: ListedIssue[];
  /** Files that strict reading refused and lenient reading took: the strict error says why. */
  lenient: ListedIssue[];
  /** NEG-* files that were not rejected with a located error. */
  problems: Array<{ file: string; why: string }>;
  xsdInvalid: Array<{ file: string; outcome: XsdOutcome }>;
  /** Folder documentation left out of the run. */
  skipped: string[];
  /** Regular files that parsed without error but that no mapping took: neither mapped nor explained. */
  unexplained: string[];
  /** Parsed files no mapping takes on purpose (acknowledgements, parse-only types), with why. */
  parseOnly: Array<{ file: string; why: string }>;
  /** Per family (the file's top folder): regular files and how many of them mapped. */
  families: Array<{ family: string; files: number; mapped: number }>;
}

export function classify(entry: ConformanceEntry): FileVerdict {
  const r = entry.result;
  const hasErrors = r.errors.length > 0;
  // A NEG file that strict parsing refused was rejected, even if lenient parsing then took it.
  const rejections = [...r.errors, ...(r.lenientBecause ? [r.lenientBecause] : [])];
  const negOk = entry.negative && rejections.some(isLocated);
  return {
    detected: r.detection !== undefined,
    parsed: r.parsed,
    lenient: r.lenientBecause !== undefined,
    mapped: !hasErrors && r.messages.some((m) => m.mappingId !== undefined),
    failed: !entry.negative && hasErrors,
    negOk,
    negBad: entry.negative && !negOk,
  };
}

function emptyCounts(): ConformanceCounts {
  return {
    files: 0,
    ...{ detected: 0, parsed: 0, lenient: 0, mapped: 0, failed: 0, negOk: 0, negBad: 0 },
    ...{ xsdChecked: 0, xsdValid: 0 },
  };
}

function add(counts: ConformanceCounts, v: FileVerdict, xsd: XsdOutcome | undefined): void {
  counts.files++;
  for (const key of [
    'detected',
    'parsed',
    'lenient',
    'mapped',
    'failed',
    'negOk',
    'negBad',
  ] as const)
    if (v[key]) counts[key]++;
  if (xsd && xsd.status !== 'no-schema') counts.xsdChecked++;
  if (xsd?.status === 'valid') counts.xsdValid++;
}

function problem(entry: ConformanceEntry): string {
  const first = entry.result.errors[0];
  return first ? `failed without a location: ${first.stage}: ${first.message}` : 'passed';
}

/** Counts per format and message type, totals, and the lists printed under the table. */
export function tally(
  entries: readonly ConformanceEntry[],
  skipped: string[] = [],
): ConformanceReport {
  const byKey = new Map<string, ConformanceRow>();
  const report: ConformanceReport = {
    rows: [],
    total: emptyCounts(),
    ...{ failures: [], lenient: [], problems: [], xsdInvalid: [], skipped },
    ...{ unexplained: [], parseOnly: [], families: [] },
  };
  const families = new Map<string, { family: string; files: number; mapped: number }>();
  for (const entry of entries) {
    const r = entry.result;
    const format = r.detection?.format ?? '(unknown)';
    const messageType = r.detection?.messageType ?? '-';
    const key = `${format}\u0000${messageType}`;
    const row = byKey.get(key) ?? { format, messageType, ...emptyCounts() };
    byKey.set(key, row);
    const v = classify(entry);
    add(row, v, entry.xsd);
    add(report.total, v, entry.xsd);
    if (v.failed) report.failures.push({ file: r.file, issue: r.errors[0] });
    if (v.lenient && r.lenientBecause)
      report.lenient.push({ file: r.file, issue: r.lenientBecause });
    if (v.negBad) report.problems.push({ file: r.file, why: problem(entry) });
    if (!entry.negative) {
      const family = r.file.includes('/') ? r.file.slice(0, r.file.indexOf('/')) : '.';
      const f = families.get(family) ?? { family, files: 0, mapped: 0 };
      families.set(family, f);
      f.files++;
      const why = parseOnlyReason(r.detection);
      if (v.mapped) f.mapped++;
      else if (!v.failed && why) report.parseOnly.push({ file: r.file, why });
      else if (!v.failed) report.unexplained.push(r.file);
    }
    if (entry.xsd?.status === 'invalid')
      report.xsdInvalid.push({ file: r.file, outcome: entry.xsd });
  }
  report.families = [...families.values()].sort((a, b) => a.family.localeCompare(b.family));
  report.rows = [...byKey.values()].sort(
    (a, b) => a.format.localeCompare(b.format) || a.messageType.localeCompare(b.messageType),
  );
  return report;
}
