import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { MappingContext } from '../../core/translation/contract';
import { x12Codec } from '../codecs/x12';
import { x12BillOfLadingMapping } from './x12-310.mapping';

const ctx: MappingContext = {
  partnerId: 'harborlink-line',
  receivedAt: '2025-04-21T02:30:00Z',
  settings: { carrierCode: 'HBLC' },
};

const golden = (name: string) => join(__dirname, 'golden', name);
const run = (edit: (text: string) => string = (t) => t) => {
  const raw = Buffer.from(edit(readFileSync(golden('harborlink-ningbo-bl.edi'), 'utf8')));
  return x12Codec.decode(raw, x12Codec.detect(raw)!).map((m) => {
    const result = x12BillOfLadingMapping.toCanonical(m, ctx);
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    return result;
  });
};

describe('X12 310 -> BillOfLading', () => {
  it('maps the B/L as the golden file says (ports, on-board date, container, cargo)', () => {
    const actual = JSON.parse(JSON.stringify(run()));
    const expected = readFileSync(golden('harborlink-ningbo-bl.expected.json'), 'utf8');
    expect(actual).toEqual(JSON.parse(expected));
  });

  it('voids the B/L on a cancellation (B2A01 01)', () => {
    const [result] = run((t) => t.replace('B2A*00*BL', 'B2A*01*BL'));
    expect(result.documents[0].payload).toMatchObject({ status: 'VOID' });
  });

  it('reads a B/L without a loading date as a draft, with a warning', () => {
    const [result] = run((t) =>
      t.replace('DTM*140*20250420*1432*LT~\n', '').replace('SE*30', 'SE*29'),
    );
    expect(result.documents[0].payload).toMatchObject({ status: 'DRAFT' });
    expect(result.documents[0].payload).not.toHaveProperty('shippedOnBoardDate');
    expect(result.warnings).toContain(
      'no loading date at the R4 L port: the B/L is read as a DRAFT',
    );
  });

  it('refuses a 310 that names no booking, at its B3', () => {
    expect(() =>
      run((t) => t.replace('N9*BN*HBK2504170~\n', '').replace('SE*30', 'SE*29')),
    ).toThrow(expect.objectContaining({ location: expect.objectContaining({ segmentTag: 'B3' }) }));
  });
});
