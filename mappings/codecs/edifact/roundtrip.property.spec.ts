import fc from 'fast-check';
import { parseEdifact } from './edifact.parser';
import { buildInterchange, serializeMessages, type InterchangeDraft } from './interchange.builder';
import type { Separators } from './separators.syntax';

// serialize(parse(x)) == x for generated interchanges: random service characters, syntax
// versions 3 and 4, UNOC and UNOY text full of characters that need the release character.
const POOL = [...`!"#$%&'()*+,-/:;<=>?@[\\]^_\`{|}~`];

const separatorsArb = fc
  .tuple(fc.shuffledSubarray(POOL, { minLength: 5, maxLength: 5 }), fc.constantFrom('.', ','))
  .map(([[component, element, release, repetition, segment], decimal]): Separators => ({
    component,
    element,
    decimal,
    release,
    repetition,
    segment,
  }));

const valueArb = (extra: string[]): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...'AZaz09 .,'.split(''), ...POOL, ...extra), {
      minLength: 1,
      maxLength: 12,
    })
    .map((chars) => chars.join(''));

const draftArb = fc
  .record({
    separators: separatorsArb,
    syntaxVersion: fc.constantFrom('3', '4'),
    syntaxId: fc.constantFrom('UNOC', 'UNOY'),
    lineEnding: fc.constantFrom('', '\n', '\r\n'),
  })
  .chain((env) => {
    const extra = env.syntaxId === 'UNOY' ? ['宁', '波', '€', 'ß'] : ['é', 'Ü', 'ñ'];
    const segment = fc.record({
      tag: fc.constantFrom('FTX', 'RFF', 'NAD', 'LOC', 'DTM'),
      elements: fc.array(fc.array(valueArb(extra), { minLength: 1, maxLength: 3 }), {
        minLength: 1,
        maxLength: 5,
      }),
    });
    const message = fc.record({
      messageRef: fc.stringMatching(/^[A-Z0-9]{1,14}$/),
      segments: fc.array(segment, { minLength: 1, maxLength: 6 }),
    });
    return fc.record({
      env: fc.constant(env),
      messages: fc.array(message, { minLength: 1, maxLength: 4 }),
    });
  })
  .map(({ env, messages }): InterchangeDraft => ({
    ...env,
    // Without a repetition separator (version 3) the generated text must not need one.
    separators:
      env.syntaxVersion === '4' ? env.separators : { ...env.separators, repetition: null },
    sender: { id: 'SENDER', qualifier: 'ZZZ' },
    recipient: { id: 'RECEIVER', qualifier: 'ZZZ' },
    preparedAt: new Date('2024-03-15T09:30:00Z'),
    controlRef: 'PROP1',
    una: true,
    messages: messages.map((m) => ({ ...m, messageType: 'GENRAL', version: 'D.96A' })),
  }));

describe('serialize(parse(x)) == x', () => {
  it('reproduces generated interchanges byte for byte and reads back every value', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const bytes = buildInterchange(draft);
        const parsed = parseEdifact(bytes);
        expect(serializeMessages(parsed, { lineEnding: draft.lineEnding }).equals(bytes)).toBe(
          true,
        );
        const values = parsed.flatMap((m) => m.segments.slice(1, -1).map((s) => s.elements));
        expect(values).toEqual(draft.messages.flatMap((m) => m.segments.map((s) => s.elements)));
      }),
      { numRuns: 300 },
    );
  });
});
