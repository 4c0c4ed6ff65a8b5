import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TradeError } from '../../../core/errors/trade-error';
import {
  allIssues,
  buildInterchange,
  parseX12,
  seg,
  serializeX12,
  type X12Delimiters,
  type X12InterchangeSpec,
} from './index';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

describe('serializeX12', () => {
  it.each(['warehouse-multi-group.edi', 'inventory-alt-separators.edi', 'asn-856-crlf.edi'])(
    'writes %s back byte for byte',
    (name) => {
      const text = fixture(name);
      expect(serializeX12(parseX12(text))).toBe(text);
    },
  );

  it('builds a padded ISA with computed counts and repeated control numbers', () => {
    const ic = buildInterchange(spec({ element: '*', segment: '~', lineEnding: '\n' }, 7));
    const text = serializeX12(ic);
    expect(text.split('\n')[0]).toBe(
      'ISA*00*          *00*          *ZZ*TRADEHUB       *01*123456789      ' +
        '*250314*0930*U*00401*000000007*0*T*>~',
    );
    expect(text).toContain('SE*4*0001~');
    expect(text).toContain('GE*1*7~\nIEA*1*000000007~');
    expect(allIssues(parseX12(text))).toEqual([]);
  });

  it('refuses values that contain a separator or ids longer than their ISA field', () => {
    const withStar = spec({}, 1);
    withStar.groups[0].sets[0].body = [seg('NTE', 'GEN', 'A*B')];
    expect(() => buildInterchange(withStar)).toThrow(TradeError);
    const longId = spec({}, 1);
    longId.sender.id = 'X'.repeat(16);
    expect(() => buildInterchange(longId)).toThrow(/longer than 15/);
  });
});

function spec(delimiters: Partial<X12Delimiters>, control: number): X12InterchangeSpec {
  return {
    sender: { qualifier: 'ZZ', id: 'TRADEHUB' },
    receiver: { qualifier: '01', id: '123456789' },
    date: '250314',
    time: '0930',
    version: '00401',
    controlNumber: control,
    usage: 'T',
    delimiters,
    groups: [
      {
        functionalId: 'IN',
        senderCode: 'TRADEHUB',
        receiverCode: '123456789',
        date: '20250314',
        time: '0930',
        controlNumber: control,
        version: '004010',
        sets: [
          { id: '810', controlNumber: 1, body: [seg('BIG', '20250314', 'INV-1'), seg('TDS', 100)] },
        ],
      },
    ],
  };
}

// Separators are drawn from characters that never occur in the generated values.
const SEPARATORS = ['*', '|', '!', '^', '~', "'", '`', '{', '}', '\\', '>', ':', '\n'];
const VALUE = fc.stringMatching(/^[A-Z0-9 .,/()-]{0,12}$/);
const TAG = fc.constantFrom('N9', 'NTE', 'REF', 'DTM', 'BIG', 'IT1', 'PID', 'CTT', 'MSG');

const delimitersArb = fc
  .shuffledSubarray(SEPARATORS, { minLength: 4, maxLength: 4 })
  .chain(([element, component, repetition, segment]) =>
    fc.record({
      element: fc.constant(element),
      component: fc.constant(component),
      repetition: fc.constant(repetition),
      segment: fc.constant(segment),
      lineEnding: segment === '\n' ? fc.constant('') : fc.constantFrom('', '\n', '\r\n'),
    }),
  )
  .filter((d) => d.element !== '\n' && d.component !== '\n' && d.repetition !== '\n');

// Sets without a structure table (random bodies would not fit one); 214 has had a table since
// the carrier status structure was described, so 880 takes its place.
const setArb = fc.record({
  id: fc.constantFrom('810', '850', '880', '204'),
  controlNumber: fc.integer({ min: 1, max: 99999 }),
  body: fc.array(
    fc.tuple(TAG, fc.array(VALUE, { maxLength: 6 })).map(([tag, values]) => seg(tag, ...values)),
    { maxLength: 8 },
  ),
});

const interchangeArb = fc.record({
  delimiters: delimitersArb,
  version: fc.constantFrom('00401', '00501'),
  control: fc.integer({ min: 1, max: 999999999 }),
  groups: fc.array(fc.array(setArb, { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  }),
});

describe('X12 round trip (property)', () => {
  it('serialize(parse(x)) === x for generated interchanges, with no issues', () => {
    fc.assert(
      fc.property(fc.array(interchangeArb, { minLength: 1, maxLength: 2 }), (list) => {
        const text = list
          .map((g) => {
            const base = spec(g.delimiters, g.control);
            base.version = g.version;
            base.groups = g.groups.map((sets, k) => ({
              ...base.groups[0],
              controlNumber: k + 1,
              sets,
            }));
            return serializeX12(buildInterchange(base));
          })
          .join('');
        const parsed = parseX12(text);
        expect(allIssues(parsed)).toEqual([]);
        expect(serializeX12(parsed)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
