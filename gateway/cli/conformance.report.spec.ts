import {
  renderConformance,
  renderConformanceLists,
  renderConformanceTable,
  renderSummary,
} from './conformance.report';
import type { ConformanceCounts, ConformanceReport } from './conformance.tally';
import { renderTable } from './text-table';

const counts = (over: Partial<ConformanceCounts>): ConformanceCounts => ({
  files: 0,
  detected: 0,
  parsed: 0,
  lenient: 0,
  mapped: 0,
  failed: 0,
  negOk: 0,
  negBad: 0,
  xsdChecked: 0,
  xsdValid: 0,
  ...over,
});

const issue = {
  stage: 'parse' as const,
  kind: 'rejected' as const,
  message: 'UNT count 15 but there are 16 segments in the message',
  location: 'segment 17 (UNT), line 18',
};

const report: ConformanceReport = {
  unexplained: ['camt.053-no-mapping.xml'],
  parseOnly: [{ file: 'baplie.edi', why: 'bay plan' }],
  families: [
    { family: 'edifact', files: 2, mapped: 1 },
    { family: 'iso20022', files: 1, mapped: 0 },
  ],
  rows: [
    {
      format: 'edifact',
      messageType: 'IFTSTA',
      ...counts({ files: 3, detected: 3, parsed: 3, lenient: 1, mapped: 1, failed: 1, negOk: 1 }),
    },
    {
      format: 'iso20022',
      messageType: 'camt.053',
      ...counts({ files: 2, detected: 2, parsed: 2, xsdChecked: 2, xsdValid: 1, negBad: 1 }),
    },
  ],
  total: counts({
    files: 5,
    detected: 5,
    parsed: 5,
    lenient: 1,
    mapped: 1,
    failed: 1,
    negOk: 1,
    negBad: 1,
    xsdChecked: 2,
    xsdValid: 1,
  }),
  failures: [{ file: 'edifact/bad.edi', issue: { ...issue, stage: 'map', message: 'no CNI' } }],
  lenient: [{ file: 'edifact/miscount.edi', issue }],
  problems: [{ file: 'iso20022/NEG-passes.xml', why: 'passed' }],
  xsdInvalid: [
    {
      file: 'iso20022/camt.xml',
      outcome: {
        status: 'invalid',
        schema: 'camt.053.001.02.xsd',
        line: 3,
        message: 'Stmt missing',
      },
    },
  ],
  skipped: ['SOURCES.md'],
};

describe('renderTable', () => {
  it('pads columns to the widest cell, numbers to the right, with a rule under the header', () => {
    expect(
      renderTable(
        ['name', 'n'],
        [
          ['a', '10'],
          ['longer', '2'],
        ],
        ['left', 'right'],
      ),
    ).toEqual(['name     n', '------  --', 'a       10', 'longer   2']);
  });
});

describe('conformance report', () => {
  it('renders one row per format and message type and a total row', () => {
    expect(renderConformanceTable(report, false)).toEqual([
      'format    message type  files  detected  parsed  lenient  mapped  failed  neg ok  neg bad',
      '--------  ------------  -----  --------  ------  -------  ------  ------  ------  -------',
      'edifact   IFTSTA            3         3       3        1       1       1       1        0',
      'iso20022  camt.053          2         2       2        0       0       0       0        1',
      'total                       5         5       5        1       1       1       1        1',
    ]);
  });

  it('adds the XSD column as valid/checked, "-" where nothing was checked', () => {
    const table = renderConformanceTable(report, true);
    expect(table[0].endsWith('neg bad  xsd')).toBe(true);
    expect(table[2].endsWith('  -')).toBe(true);
    expect(table[3].endsWith('1/2')).toBe(true);
    expect(table[4].endsWith('1/2')).toBe(true);
  });

  it('lists failures, lenient parses, NEG problems, XSD errors and skipped files', () => {
    expect(renderConformanceLists(report, true)).toEqual([
      '',
      'Failures (first error of each failed file):',
      '  edifact/bad.edi: map at segment 17 (UNT), line 18: no CNI',
      '',
      'Parsed with warnings (strict refused, lenient took it):',
      '  edifact/miscount.edi: parse at segment 17 (UNT), line 18: UNT count 15 but there are 16 segments in the message',
      '',
      'Problems (NEG-* files must be rejected with a located error):',
      '  iso20022/NEG-passes.xml: passed',
      '',
      'XSD invalid:',
      '  iso20022/camt.xml against camt.053.001.02.xsd line 3: Stmt missing',
      '',
      'Skipped (folder documentation): SOURCES.md',
    ]);
  });

  it('leaves empty lists and the XSD list (without a schema folder) out', () => {
    const quiet = { ...report, failures: [], lenient: [], problems: [], skipped: [] };
    expect(renderConformanceLists(quiet, false)).toEqual([]);
  });

  it('ends with a summary line of the totals', () => {
    expect(renderSummary(report, { xsd: true, elapsedMs: 1234 })).toBe(
      'Summary: 5 files, 5 detected, 5 parsed (1 with warnings), 1 mapped, 1 failed, ' +
        '1 neither mapped nor explained (camt.053-no-mapping.xml), ' +
        'NEG 1/2 rejected with a location, XSD 1/2 valid, 1.2 s',
    );
    expect(renderSummary({ ...report, unexplained: [] }, { xsd: false, elapsedMs: 0 })).toContain(
      'every positive file mapped or explained',
    );
    expect(renderSummary(report, { xsd: false, elapsedMs: 0 })).not.toContain('XSD');
    const all = renderConformance(report, { xsd: false, elapsedMs: 0 });
    expect(all[all.length - 1]).toMatch(/^Summary: /);
    expect(all).toContain('Mapped per family: edifact 1/2, iso20022 0/1');
    expect(all).toContain('  baplie.edi: bay plan');
  });
});
