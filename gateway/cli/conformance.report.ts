import type { ConformanceCounts, ConformanceReport, ListedIssue } from './conformance.tally';
import { describeIssue } from './file-result';
import { renderTable, type Align } from './text-table';

export interface RenderOptions {
  /** Show the XSD column and list (only when a schema folder was given). */
  xsd: boolean;
  elapsedMs: number;
}

const COUNT_COLUMNS: Array<[string, keyof ConformanceCounts]> = [
  ['files', 'files'],
  ['detected', 'detected'],
  ['parsed', 'parsed'],
  ['lenient', 'lenient'],
  ['mapped', 'mapped'],
  ['failed', 'failed'],
  ['neg ok', 'negOk'],
  ['neg bad', 'negBad'],
];

function xsdCell(c: ConformanceCounts): string {
  return c.xsdChecked === 0 ? '-' : `${c.xsdValid}/${c.xsdChecked}`;
}

function cells(first: string, second: string, c: ConformanceCounts, xsd: boolean): string[] {
  const counts = COUNT_COLUMNS.map(([, key]) => String(c[key]));
  return [first, second, ...counts, ...(xsd ? [xsdCell(c)] : [])];
}

/** The table: one row per format and message type, then the totals. */
export function renderConformanceTable(report: ConformanceReport, xsd: boolean): string[] {
  const header = [
    'format',
    'message type',
    ...COUNT_COLUMNS.map(([h]) => h),
    ...(xsd ? ['xsd'] : []),
  ];
  const align: Align[] = header.map((_, i) => (i < 2 ? 'left' : 'right'));
  const rows = report.rows.map((r) => cells(r.format, r.messageType, r, xsd));
  rows.push(cells('total', '', report.total, xsd));
  return renderTable(header, rows, align);
}

function issueList(title: string, items: ListedIssue[]): string[] {
  if (items.length === 0) return [];
  return ['', title, ...items.map((i) => `  ${i.file}: ${describeIssue(i.issue)}`)];
}

/** The lists under the table: failures, lenient parses, NEG problems, XSD errors, skipped. */
export function renderConformanceLists(report: ConformanceReport, xsd: boolean): string[] {
  const lines = [
    ...issueList('Failures (first error of each failed file):', report.failures),
    ...issueList('Parsed with warnings (strict refused, lenient took it):', report.lenient),
  ];
  if (report.problems.length > 0) {
    lines.push('', 'Problems (NEG-* files must be rejected with a located error):');
    for (const p of report.problems) lines.push(`  ${p.file}: ${p.why}`);
  }
  if (xsd && report.xsdInvalid.length > 0) {
    lines.push('', 'XSD invalid:');
    for (const { file, outcome } of report.xsdInvalid) {
      const at = outcome.line !== undefined ? ` line ${outcome.line}` : '';
      lines.push(`  ${file} against ${outcome.schema}${at}: ${outcome.message}`);
    }
  }
  if (report.skipped.length > 0)
    lines.push('', `Skipped (folder documentation): ${report.skipped.join(', ')}`);
  return lines;
}

/** The last line: totals in words. */
export function renderSummary(report: ConformanceReport, options: RenderOptions): string {
  const t = report.total;
  const neg = t.negOk + t.negBad;
  const parts = [
    `${t.files} files`,
    `${t.detected} detected`,
    `${t.parsed} parsed (${t.lenient} with warnings)`,
    `${t.mapped} mapped`,
    `${t.failed} failed`,
    report.unexplained.length
      ? `${report.unexplained.length} neither mapped nor explained (${report.unexplained.join(', ')})`
      : 'every positive file mapped or explained',
    `NEG ${t.negOk}/${neg} rejected with a location`,
    ...(options.xsd ? [`XSD ${t.xsdValid}/${t.xsdChecked} valid`] : []),
    `${(options.elapsedMs / 1000).toFixed(1)} s`,
  ];
  return `Summary: ${parts.join(', ')}`;
}

/** Mapped regular files per family (the corpus's top folders). */
export function renderFamilies(report: ConformanceReport): string[] {
  if (report.families.length === 0) return [];
  const cells = report.families.map((f) => `${f.family} ${f.mapped}/${f.files}`);
  return [
    '',
    `Mapped per family: ${cells.join(', ')}`,
    ...(report.parseOnly.length
      ? ['', 'Not mapped, on purpose:', ...report.parseOnly.map((p) => `  ${p.file}: ${p.why}`)]
      : []),
  ];
}

export function renderConformance(report: ConformanceReport, options: RenderOptions): string[] {
  return [
    ...renderConformanceTable(report, options.xsd),
    ...renderConformanceLists(report, options.xsd),
    ...renderFamilies(report),
    '',
    renderSummary(report, options),
  ];
}
