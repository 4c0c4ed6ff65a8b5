import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { FormatRegistry } from '../../mappings/pipeline/format-registry';
import {
  corpusFile,
  fileOptions,
  iftstaWith,
  MISCOUNTED_IFTSTA,
  MT999_FREE_FORMAT,
} from './cli.testing';
import { failedFile, isLocated, toJsonLine, translateFile } from './file-result';
import { writeCebMessage } from '../../mappings/codecs/cn-customs/ceb-write';
import { ceb303FromOrder } from '../../mappings/cn-customs-outbound';
import * as ceb from '../../mappings/cn-customs-outbound/__fixtures__/outbound-inputs';

const iftsta = corpusFile('iftsta-d99b-shanghai.edi');
const miscounted = MISCOUNTED_IFTSTA();

describe('translateFile', () => {
  it('maps an IFTSTA to its ShipmentEvents', () => {
    const r = translateFile('iftsta.edi', iftsta, fileOptions());
    expect(r.detection).toMatchObject({
      format: 'edifact',
      version: 'D.99B',
      messageType: 'IFTSTA',
    });
    expect(r.parsed).toBe(true);
    expect(r.messageCount).toBe(1);
    expect(r.errors).toEqual([]);
    expect(r.messages[0].mappingId).toBe('carrier-edifact-iftsta');
    // Without a partner the DTMs count as UTC (the carrier settings' default zone).
    expect(r.messages[0].documents[0].occurredAt).toBe('2025-06-01T14:20:00+00:00');
    expect(
      r.messages[0].documents.map((d) => (d.payload as { eventCode: string }).eventCode),
    ).toEqual(['GTIN', 'LOAD']);
  });

  it('locates a broken EDIFACT at its segment', () => {
    const r = translateFile('NEG.edi', corpusFile('NEG-iftsta-bgm-before-unh.edi'), fileOptions());
    expect(r.parsed).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      stage: 'parse',
      location: 'segment 2 (BGM), line 3',
      where: { segmentIndex: 2, segmentTag: 'BGM', line: 3 },
    });
  });

  it('shows a message without a mapping as its tree', () => {
    const r = translateFile('mt999.fin', MT999_FREE_FORMAT, fileOptions());
    expect(r.detection).toMatchObject({ format: 'swift-mt', messageType: 'MT999' });
    expect(r.errors).toEqual([]);
    expect(r.messages[0].mappingId).toBeUndefined();
    expect(r.messages[0].tree).toBe('2 fields: :20: :79:');
  });

  it('counts a message that failed mapping among the messages', () => {
    // The EQD of the first status names no ISO 6346 container (a wrong check digit alone
    // would be kept with a warning).
    const bad = iftstaWith(
      "EQD+CN+CSQU3054383+42G1:102:5+++5'",
      "EQD+CN+CSQU30543+42G1:102:5+++5'",
    );
    const r = translateFile('bad.edi', bad, fileOptions());
    expect(r.messageCount).toBe(1);
    expect(r.messages).toEqual([]);
    expect(r.errors[0]).toMatchObject({ stage: 'map', messageIndex: 0 });
    expect(isLocated(r.errors[0])).toBe(true);
  });

  it('falls back to lenient reading where strict mapping refused a recoverable date', () => {
    const golden = 'mappings/edifact-invoic/golden/cixi-aurora-invoice.edi';
    const invoice = Buffer.from(
      readFileSync(path.join(__dirname, '../..', golden), 'latin1').replace(
        "DTM+137:20250502:102'",
        "DTM+137:202505020000:102'",
      ),
      'latin1',
    );
    const strict = translateFile('inv.edi', invoice, fileOptions('strict'));
    expect(strict.errors[0]).toMatchObject({ stage: 'map', location: 'segment 4 (DTM), line 5' });
    const fallback = translateFile('inv.edi', invoice, fileOptions('fallback'));
    expect(fallback.errors).toEqual([]);
    expect(fallback.lenientBecause).toEqual(strict.errors[0]);
    expect(fallback.messages[0].warnings).toContainEqual(
      expect.stringContaining('is longer than format 102: read as 203'),
    );
    // A file lenient reading cannot take either keeps its strict error.
    const noBuyer = Buffer.from(
      invoice.toString('latin1').replace(/NAD\+BY[^']*'/, "NAD+CN+++X'"),
      'latin1',
    );
    const refused = translateFile('inv.edi', noBuyer, fileOptions('fallback'));
    expect(refused.lenientBecause).toBeUndefined();
    expect(refused.errors[0].message).toMatch(/DTM 137/);
  });

  it('falls back to lenient parsing and keeps the strict error as the reason', () => {
    const strict = translateFile('x.edi', miscounted, fileOptions('strict'));
    expect(strict.parsed).toBe(false);
    expect(strict.errors[0].message).toMatch(/UNT count 15/);
    const fallback = translateFile('x.edi', miscounted, fileOptions('fallback'));
    expect(fallback.parsed).toBe(true);
    expect(fallback.errors).toEqual([]);
    expect(fallback.lenientBecause).toEqual(strict.errors[0]);
    expect(fallback.syntaxWarnings).toEqual([
      'UNT count 15 but there are 16 segments in the message (segment 17 UNT)',
    ]);
    expect(fallback.messages[0].documents).toHaveLength(2);
  });

  it('maps leniently when strict mapping refuses a placeholder line code the head settles', () => {
    const input = ceb303FromOrder(ceb.order, {
      head: ceb.head('4A1B2C3D-0000-4000-8000-000000000303'),
      messageGuid: '4A1B2C3D-0000-4000-8000-000000001303',
      platform: ceb.platform,
      seller: ceb.seller,
      sender: ceb.sender,
    });
    const [order] = input.business.Order;
    const lines = (order.OrderList as Array<Record<string, string>>).map((l) => ({
      ...l,
      currency: 'aaa',
    }));
    const bytes = writeCebMessage({
      ...input,
      business: { Order: [{ ...order, OrderList: lines }] },
    });
    const strict = translateFile('ceb303.xml', bytes, fileOptions('strict'));
    expect(strict.errors[0]).toMatchObject({
      stage: 'map',
      location: 'xpath /CEB303Message/Order[1]/OrderList[1]/currency',
    });
    const fallback = translateFile('ceb303.xml', bytes, fileOptions('fallback'));
    expect(fallback.errors).toEqual([]);
    expect(fallback.lenientBecause).toEqual(strict.errors[0]);
    expect(fallback.messages[0].warnings[0]).toMatch(
      /^\/CEB303Message\/Order\[1\]\/OrderList\[1\]\/currency: "aaa" is not a known customs currency code/,
    );
  });

  it('keeps the strict mapping error when a lenient run maps no better', () => {
    const bad = iftstaWith(
      "EQD+CN+CSQU3054383+42G1:102:5+++5'",
      "EQD+CN+CSQU30543+42G1:102:5+++5'",
    );
    const r = translateFile('bad.edi', bad, fileOptions('fallback'));
    expect(r.lenientBecause).toBeUndefined();
    expect(r.errors[0]).toMatchObject({ stage: 'map', messageIndex: 0 });
  });

  it('does not fall back when strict parsing succeeds or nothing was detected', () => {
    expect(translateFile('x', iftsta, fileOptions('fallback')).lenientBecause).toBeUndefined();
    const garbage = translateFile('x', Buffer.from('hello'), fileOptions('fallback'));
    expect(garbage.lenientBecause).toBeUndefined();
    expect(garbage.errors[0]).toMatchObject({ stage: 'detect', location: 'offset 0' });
  });

  it('reports a pipeline crash as the file error instead of throwing', () => {
    const exploding = new FormatRegistry().addCodec({
      format: 'json',
      detect: () => {
        throw new Error('detector bug');
      },
      decode: () => [],
    });
    const r = translateFile('x', Buffer.from('{}'), {
      ...fileOptions(),
      strict: exploding,
      lenient: exploding,
    });
    expect(r.errors).toEqual([
      {
        stage: 'detect',
        kind: 'internal',
        message: 'json detector failed: detector bug',
        location: 'offset 0',
        where: { offset: 0 },
      },
    ]);
  });

  it('never throws, whatever the bytes after whatever opening', () => {
    // Openings that send the bytes into each codec, so garbage reaches the parsers.
    const openings = [
      '',
      "UNA:+.? 'UNB+",
      'UNH+1+',
      'ISA*00*',
      '<?xml version="1.0"?><',
      '{"',
      ':20:',
      '{1:',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...openings),
        fc.uint8Array({ maxLength: 300 }),
        (open, bytes) => {
          const input = Buffer.concat([Buffer.from(open, 'latin1'), bytes]);
          const r = translateFile('x', input, fileOptions('fallback'));
          expect(r.parsed || r.errors.length > 0).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('toJsonLine', () => {
  it('writes the documented fields, canonical documents and located errors', () => {
    const mapped = JSON.parse(toJsonLine(translateFile('a.edi', iftsta, fileOptions())));
    expect(Object.keys(mapped)).toEqual([
      'file',
      'format',
      'standard',
      'version',
      'messageType',
      'messages',
      'canonical',
      'errors',
      'warnings',
    ]);
    expect(mapped).toMatchObject({
      file: 'a.edi',
      format: 'edifact',
      standard: 'UN/EDIFACT',
      version: 'D.99B',
      messageType: 'IFTSTA',
      messages: 1,
      errors: [],
    });
    expect(mapped.canonical[0]).toMatchObject({
      documentType: 'ShipmentEvent',
      eventType: 'logistics.shipment.status',
      payload: { equipmentReference: 'CSQU3054383' },
    });
    const neg = corpusFile('NEG-iftsta-bgm-before-unh.edi');
    const failed = JSON.parse(toJsonLine(translateFile('n.edi', neg, fileOptions())));
    expect(failed.canonical).toEqual([]);
    expect(failed.errors[0]).toEqual({
      stage: 'parse',
      message: expect.stringContaining('BGM'),
      location: 'segment 2 (BGM), line 3',
      where: expect.objectContaining({ segmentIndex: 2, segmentTag: 'BGM' }),
    });
  });

  it('writes null for what detection did not find, and the lenient reason as a warning', () => {
    const none = JSON.parse(toJsonLine(failedFile('gone.edi', new Error('EACCES'), 'receive')));
    expect(none).toMatchObject({ format: null, messageType: null, messages: 0, canonical: [] });
    expect(none.errors).toEqual([{ stage: 'receive', message: 'EACCES', location: '' }]);
    const lenient = JSON.parse(toJsonLine(translateFile('x', miscounted, fileOptions('fallback'))));
    expect(lenient.warnings[0]).toMatch(/^parsed leniently: parse at segment 17 \(UNT\)/);
  });
});
