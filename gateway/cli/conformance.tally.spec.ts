import type { Detection } from '../../core/translation/contract';
import { classify, tally, type ConformanceEntry } from './conformance.tally';
import type { FileIssue, FileResult } from './file-result';

const edifact = (messageType: string): Detection => ({
  format: 'edifact',
  standard: 'UN/EDIFACT',
  version: 'D.99B',
  messageType,
});
const located: FileIssue = {
  stage: 'parse',
  kind: 'rejected',
  message: 'UNT count 15 but there are 16 segments in the message',
  location: 'segment 17 (UNT), line 18',
  where: { segmentIndex: 17, segmentTag: 'UNT', line: 18 },
};
const unlocated: FileIssue = { stage: 'map', kind: 'mapping', message: 'no carrier', location: '' };

function result(file: string, over: Partial<FileResult> = {}): FileResult {
  return {
    file,
    detection: edifact('IFTSTA'),
    messageCount: 1,
    messages: [{ index: 0, documents: [], warnings: [], tree: '3 segments' }],
    errors: [],
    parsed: true,
    syntaxWarnings: [],
    ...over,
  };
}
const mapped = (file: string) =>
  result(file, {
    messages: [{ index: 0, mappingId: 'm', documents: [], warnings: [], tree: '' }],
  });
const entry = (r: FileResult, xsd?: ConformanceEntry['xsd']): ConformanceEntry => ({
  result: r,
  negative: r.file.startsWith('NEG-'),
  xsd,
});

describe('classify', () => {
  it.each([
    ['a parsed file without mapping', result('a'), { parsed: true, mapped: false, failed: false }],
    ['a mapped file', mapped('a'), { mapped: true, failed: false }],
    [
      'a file with errors',
      result('a', { errors: [located], parsed: false }),
      { parsed: false, failed: true, negOk: false, negBad: false },
    ],
    [
      'a lenient parse',
      result('a', { lenientBecause: located }),
      { parsed: true, lenient: true, failed: false },
    ],
    [
      'an undetected file',
      result('a', { detection: undefined, parsed: false, errors: [located] }),
      { detected: false, failed: true },
    ],
    [
      'a NEG file rejected with a location',
      result('NEG-a', { errors: [located] }),
      { negOk: true, failed: false },
    ],
    [
      'a NEG file rejected without one',
      result('NEG-a', { errors: [unlocated] }),
      { negOk: false, negBad: true },
    ],
    ['a NEG file that passed', mapped('NEG-a'), { negOk: false, negBad: true, mapped: true }],
    [
      'a NEG file strict parsing refused (lenient then took it)',
      result('NEG-a', { lenientBecause: located }),
      { negOk: true, negBad: false, lenient: true },
    ],
  ])('%s', (_, r, expected) => {
    expect(classify(entry(r))).toMatchObject(expected);
  });
});

describe('tally', () => {
  const entries = [
    entry(mapped('iftsta-1.edi')),
    entry(result('iftsta-2.edi', { errors: [unlocated] })),
    entry(result('NEG-iftsta.edi', { errors: [located], parsed: false })),
    entry(result('codeco.edi', { detection: edifact('CODECO'), lenientBecause: located })),
    entry(mapped('NEG-passes.edi')),
    entry(result('blob.bin', { detection: undefined, parsed: false, errors: [located] })),
    entry(result('camt.xml', { detection: { format: 'iso20022', standard: 'ISO 20022' } }), {
      status: 'invalid',
      schema: 'camt.053.001.02.xsd',
      message: 'Stmt missing',
      line: 3,
    }),
    entry(result('camt2.xml', { detection: { format: 'iso20022', standard: 'ISO 20022' } }), {
      status: 'valid',
    }),
    entry(result('pacs.xml', { detection: { format: 'iso20022', standard: 'ISO 20022' } }), {
      status: 'no-schema',
    }),
  ];
  const report = tally(entries, ['SOURCES.md']);

  it('counts per format and message type, sorted, with totals', () => {
    expect(report.rows.map((r) => [r.format, r.messageType, r.files])).toEqual([
      ['(unknown)', '-', 1],
      ['edifact', 'CODECO', 1],
      ['edifact', 'IFTSTA', 4],
      ['iso20022', '-', 3],
    ]);
    expect(report.rows[2]).toMatchObject({ mapped: 2, failed: 1, negOk: 1, negBad: 1, parsed: 3 });
    expect(report.rows[3]).toMatchObject({ xsdChecked: 2, xsdValid: 1 });
    expect(report.total).toEqual({
      files: 9,
      detected: 8,
      parsed: 7,
      lenient: 1,
      mapped: 2,
      failed: 2,
      negOk: 1,
      negBad: 1,
      xsdChecked: 2,
      xsdValid: 1,
    });
  });

  it('lists failures, lenient parses, NEG problems and XSD errors for under the table', () => {
    expect(report.failures.map((f) => [f.file, f.issue.message])).toEqual([
      ['iftsta-2.edi', 'no carrier'],
      ['blob.bin', located.message],
    ]);
    expect(report.lenient).toEqual([{ file: 'codeco.edi', issue: located }]);
    expect(report.problems).toEqual([{ file: 'NEG-passes.edi', why: 'passed' }]);
    expect(report.xsdInvalid.map((x) => x.file)).toEqual(['camt.xml']);
    expect(report.skipped).toEqual(['SOURCES.md']);
  });

  it('says why a NEG file without a location is a problem', () => {
    const r = tally([entry(result('NEG-x', { errors: [unlocated] }))]);
    expect(r.problems).toEqual([
      { file: 'NEG-x', why: 'failed without a location: map: no carrier' },
    ]);
  });
});
