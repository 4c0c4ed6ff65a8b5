import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { DespatchAdvice } from '../../core/model/documents/commerce-despatch-advice.schema';
import type { MappingContext } from '../../core/translation/contract';
import { edifactCodec } from '../codecs/edifact';
import { desadvMapping } from './desadv.mapping';

const golden = (name: string) => join(__dirname, 'golden', name);
const ctx: MappingContext = { partnerId: 'cixi-aurora', receivedAt: '2025-05-20T06:20:00Z' };
const map = (text: string, context = ctx) => {
  const raw = Buffer.from(text, 'latin1');
  const [message] = edifactCodec.decode(raw, edifactCodec.detect(raw)!);
  return desadvMapping.toCanonical(message, context);
};
const adviceOf = (text: string) => map(text).documents[0].payload as DespatchAdvice;
const refusal = (text: string) => {
  try {
    map(text);
  } catch (e) {
    return e as { code?: string; location?: { segmentTag?: string } };
  }
  throw new Error('expected the DESADV to be refused');
};

describe('EDIFACT DESADV -> DespatchAdvice', () => {
  const text = readFileSync(golden('cixi-kettles-two-levels.edi'), 'latin1');

  it('maps the golden file: both CPS levels, packages per type, the order lines answered', () => {
    const result = map(text);
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    const expected = readFileSync(golden('cixi-kettles-two-levels.expected.json'), 'utf8');
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(expected));
  });

  it('reads dates without their own zone in the partner timeZone', () => {
    const result = map(text, { ...ctx, settings: { timeZone: 'Asia/Shanghai' } });
    expect(result.documents[0].payload).toMatchObject({
      issuedAt: '2025-05-20T00:00:00+08:00',
      despatchedAt: '2025-05-20T14:00:00+08:00',
    });
  });

  it('keeps an advice without packages (items only, as many retail DESADVs are)', () => {
    const noPac = text.replace("PAC+2++PX'\n", '').replace("PAC+40++CT'\n", '');
    const advice = adviceOf(noPac.replace('UNT+27+1', 'UNT+25+1'));
    expect(advice.packages).toBeUndefined();
    expect(advice.lines).toHaveLength(2);
  });

  it('leaves out a container failing its check digit, with a warning', () => {
    const result = map(text.replace('CSQU3054383', 'CSQU3054384'));
    expect(result.documents[0].payload).not.toHaveProperty('containerNos');
    expect(result.warnings).toEqual([
      'EQD container CSQU3054384 fails the ISO 6346 check digit, left out',
    ]);
  });

  it.each([
    ['no supplier', text.replace(/NAD\+SU[^']*'/, "NAD+UC+++SOMEONE'"), 'missing-party', 'BGM'],
    [
      'a line without QTY 12',
      text.replace('QTY+12:50:PCE', 'QTY+21:50:PCE'),
      'missing-quantity',
      'LIN',
    ],
    ['no number', text.replace('BGM+351+DN-2025-0417+9', 'BGM+351'), 'missing-number', 'BGM'],
  ])('refuses an advice with %s, at its segment', (_why, input, code, tag) => {
    expect(refusal(input)).toMatchObject({ code, location: { segmentTag: tag } });
  });
});
