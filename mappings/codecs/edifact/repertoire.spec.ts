import { TradeError } from '../../../core/errors/trade-error';
import { encodable, transliterate } from './charset.syntax';
import { edifactCodec } from './edifact.codec';
import { buildInterchange, type InterchangeDraft } from './interchange.builder';

// Each syntax level's character repertoire is enforced on output (ISO 9735-1 annex A), and
// level B without a UNA uses its own separators, the information separators IS1-IS4.
const draft = (syntaxId: string, text: string, extra: Partial<InterchangeDraft> = {}) => ({
  syntaxId,
  syntaxVersion: '3',
  sender: { id: 'TRADEHUB' },
  recipient: { id: 'CARRIER' },
  preparedAt: new Date('2025-04-24T15:30:00Z'),
  controlRef: '1',
  messages: [
    {
      messageRef: '1',
      messageType: 'ZZZZZZ',
      version: 'D.99B',
      segments: [{ tag: 'FTX', elements: ['AAI', undefined, undefined, [text]] }],
    },
  ],
  ...extra,
});

describe('syntax level repertoires', () => {
  it.each([
    ['UNOA', 'HS CODES ON THE B/L (8517.13)', true],
    ['UNOA', 'Freight prepaid', false],
    ['UNOA', 'OPS@EXAMPLE.COM', false],
    ['UNOB', 'Freight prepaid', true],
    ['UNOB', 'ops@example.com', false],
    ['UNOC', 'Müller GmbH @ Köln', true],
    ['UNOC', '上海', false],
    ['UNOW', '上海', true],
  ])('%s carries %j: %s', (syntaxId, text, carried) => {
    expect(encodable(text, syntaxId)).toBe(carried);
  });

  it('transliterates to level A: upper case, accents and ligatures spelt out, @ as AT', () => {
    expect(transliterate('Müller Straße, ops@x.de', 'UNOA')).toBe('MULLER STRASSE, OPS AT X.DE');
    expect(transliterate('Crème brûlée', 'UNOB')).toBe('Creme brulee');
    expect(transliterate('上海', 'UNOA')).toBeUndefined();
  });

  it('refuses a value outside UNOA, naming the segment and element', () => {
    let err: unknown;
    try {
      buildInterchange(draft('UNOA', 'Freight prepaid'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TradeError);
    expect((err as TradeError).message).toContain('FTX element 4 component 1');
    expect((err as TradeError).location).toEqual({ segmentIndex: 3, segmentTag: 'FTX' });
  });

  it('upper-cases and transliterates where the partner allows it', () => {
    const bytes = buildInterchange(
      draft('UNOA', 'Freight prepaid, ops@x.de', { repertoire: 'transliterate' }),
    );
    expect(bytes.toString('latin1')).toContain("FTX+AAI+++FREIGHT PREPAID, OPS AT X.DE'");
  });

  it('writes acknowledgements verbatim: they echo the partner references as sent', () => {
    const bytes = buildInterchange(draft('UNOA', 'ref-lower-1', { repertoire: 'verbatim' }));
    expect(bytes.toString('latin1')).toContain("FTX+AAI+++ref-lower-1'");
  });

  it('writes UNOB without UNA with the information separators, and reads it back', () => {
    const bytes = buildInterchange(draft('UNOB', 'Freight prepaid'));
    const text = bytes.toString('latin1');
    expect(text.startsWith('UNB\x1dUNOB\x1f3\x1dTRADEHUB')).toBe(true);
    expect(text).not.toContain('UNA');
    const [message] = edifactCodec.decode(bytes, { format: 'edifact', standard: 'UN/EDIFACT' });
    expect(message.tree.segments.find((s) => s.tag === 'FTX')?.get(3, 0)).toBe('Freight prepaid');
  });

  it('writes UNOB with a UNA when asked, in the default separators', () => {
    const text = buildInterchange(draft('UNOB', 'Freight prepaid', { una: true })).toString();
    expect(text.startsWith("UNA:+.? 'UNB+UNOB:3+")).toBe(true);
  });
});
