import { corpusFile, fileOptions, MISCOUNTED_IFTSTA, MT999_FREE_FORMAT } from './cli.testing';
import { describeDetection, renderFileReport } from './file-report';
import { translateFile } from './file-result';
import { runLength } from './tree-summary';

const translated = (name: string, mode: 'strict' | 'fallback' = 'strict') =>
  translateFile(name, corpusFile(name), fileOptions(mode));

describe('runLength', () => {
  it('folds repeats and cuts long lists', () => {
    expect(runLength(['UNH', 'BGM', 'DTM', 'DTM', 'NAD', 'UNT'])).toBe('UNH BGM DTM×2 NAD UNT');
    const many = Array.from({ length: 30 }, (_, i) => `T${i}`);
    expect(runLength(many).endsWith('T23 …')).toBe(true);
  });
});

describe('describeDetection', () => {
  it('names standard, version and message type once', () => {
    expect(describeDetection(translated('iftsta-d99b-shanghai.edi').detection)).toBe(
      'UN/EDIFACT D.99B IFTSTA (edifact)',
    );
    expect(describeDetection(translated('camt.053.001.02-one-entry.xml').detection)).toBe(
      'ISO 20022 camt.053.001.02 (iso20022)',
    );
    expect(describeDetection(undefined)).toBe('unrecognised format');
  });
});

describe('renderFileReport', () => {
  it('shows each canonical document of a mapped file', () => {
    const lines = renderFileReport(translated('dcsa-tnt-2.2-gate-in.json'));
    expect(lines.slice(0, 3)).toEqual([
      'dcsa-tnt-2.2-gate-in.json: DCSA 2.2 dcsa.tnt.events (json), 1 message',
      '  message 1: dcsa-tnt-events -> 1 document',
      '    ShipmentEvent (logistics.shipment.status) at 2025-06-01T14:20:00+08:00',
    ]);
    expect(lines).toContain('        "equipmentReference": "OOLU3812453",');
  });

  it('summarizes the tree of a message without a mapping', () => {
    const r = translateFile('mt999.fin', MT999_FREE_FORMAT, fileOptions());
    expect(renderFileReport(r)).toEqual([
      'mt999.fin: SWIFT MT MT999 (swift-mt), 1 message',
      '  message 1 (ref CLI999-0001): no mapping; 2 fields: :20: :79:',
    ]);
  });

  it('names the stage and location of an error', () => {
    expect(renderFileReport(translated('NEG-iftsta-bgm-before-unh.edi'))).toEqual([
      'NEG-iftsta-bgm-before-unh.edi: UN/EDIFACT D.99B IFTSTA (edifact), not parsed',
      expect.stringMatching(/^ {2}error: parse at segment 2 \(BGM\), line 3: .*BGM/),
    ]);
  });

  it('says when a file was parsed leniently, and why', () => {
    const r = translateFile('miscount.edi', MISCOUNTED_IFTSTA(), fileOptions('fallback'));
    expect(renderFileReport(r)[1]).toMatch(
      /^ {2}parsed leniently; strict: parse at segment 17 \(UNT\), line 18: UNT count 15/,
    );
  });

  it('says so for an unrecognised file', () => {
    const r = translateFile('notes.txt', Buffer.from('just words'), fileOptions());
    expect(renderFileReport(r)).toEqual([
      'notes.txt: unrecognised format',
      '  error: detect at offset 0: unrecognised format',
    ]);
  });
});
