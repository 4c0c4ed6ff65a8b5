import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLocation, TradeError } from '../../core/errors/trade-error';
import { validateDocument } from '../../core/model/documents';
import type { Codec } from '../../core/translation/contract';
import {
  carrierContext,
  sinoOceanLines,
} from '../../mappings/carrier-edifact/__fixtures__/carrier-partners.fixture';
import { gatewayFormatRegistry } from './format-registry';
import { FormatRegistry, type PartnerFormatHint } from '../../mappings/pipeline/format-registry';
import { lenientRegistry } from '../../mappings/pipeline/lenient-registry';
import { translate, type Translation } from '../../mappings/pipeline/translate';

// Each cause of a crash or hang that mutation fuzzing found (issue 17 item 10), as the input
// that showed it: every one must end in results or located errors, never an exception.
const registry = gatewayFormatRegistry();
const fixture = (...p: string[]) =>
  readFileSync(join(__dirname, '..', '..', 'mappings', ...p), 'latin1');

function run(input: Buffer | string, hints: PartnerFormatHint[] = [], lenient = false) {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  const context = carrierContext(sinoOceanLines.partnerId);
  return translate(bytes, {
    registry: lenient ? lenientRegistry(registry) : registry,
    context,
    hints: hints.map((h) => ({ ...h, settings: context.settings })),
    validate: (type, payload) => validateDocument(type, payload),
    requireMapping: true,
  });
}

/** Every error located and none of them ours (kind internal). */
function expectLocatedErrors(t: Translation, some = true): void {
  if (some) expect(t.errors.length).toBeGreaterThan(0);
  for (const e of t.errors) {
    expect(e.kind).not.toBe('internal');
    expect(formatLocation(e.location)).not.toBe('');
  }
}

describe('translate() on hostile input', () => {
  it('refuses empty input at offset 0', () => {
    const t = run('');
    expect(t.errors).toEqual([
      expect.objectContaining({ stage: 'detect', location: { offset: 0 } }),
    ]);
    expect(formatLocation(t.errors[0].location)).toBe('offset 0');
  });

  it.each([
    ['an unclosed prolog comment', '  <!--'],
    ['an unclosed processing instruction', '<?xml version="1.0"'],
    ['an odd-length UTF-16BE input', '\xFE\xFF\x3A'],
    [
      'a truncated UTF-16BE document',
      `\xFE\xFF${Buffer.from('<a/>', 'utf16le').swap16().toString('latin1')}\x00`,
    ],
  ])('detects %s without hanging or throwing', (_what, input) => {
    expect(() => registry.detect(Buffer.from(input, 'latin1'))).not.toThrow();
    const t = run(input);
    expect(t.errors.every((e) => e.kind !== 'internal')).toBe(true);
  });

  it('finds the root element after a prolog comment longer than the sniffed head', () => {
    const xml = `<?xml version="1.0"?><!--${'x'.repeat(20_000)}--><Order><No>1</No></Order>`;
    expect(registry.detect(Buffer.from(xml))).toMatchObject({ format: 'xml' });
  });

  const x12 = fixture('codecs', 'x12', '__fixtures__', 'warehouse-multi-group.edi');

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'reads an X12 segment tagged %s as an unknown segment, not a rule table',
    (tag) => {
      const t = run(x12.replace('N9*CO*', `${tag}*CO*`));
      expectLocatedErrors(t);
    },
  );

  it('reads an ISA whose values hold the segment terminator by its fixed widths', () => {
    const input = x12.replace('TRADEHUB       ', 'TRADE~HUB      ');
    const t = run(input);
    expect(t.detection?.format).toBe('x12');
    expect(t.errors.filter((e) => e.stage === 'parse')).toEqual([]);
    const [first] = registry.codec('x12').decode(Buffer.from(input, 'latin1'), t.detection!);
    expect(first.interchange?.senderId).toBe('TRADE~HUB');
  });

  it('refuses an interchange whose ISA is cut short by its own terminator, located', () => {
    const short = `ISA*00*~${'x'.repeat(120)}~GS*OW~`;
    expectLocatedErrors(run(short));
  });

  const iftmbc = fixture('edifact-iftmbc', 'golden', 'sino-confirmed.edi');
  const iftmbcHint = {
    format: 'edifact',
    messageType: 'IFTMBC',
    mapping: 'carrier-edifact-iftmbc',
  };

  it.each(['constructor', 'toString', '__proto__'])(
    'refuses an IFTMBC booking status %s as unknown, located',
    (status) => {
      const t = run(
        iftmbc.replace('BGM+770+SNL2504170021+9+AP', `BGM+770+SNL2504170021+${status}`),
        [iftmbcHint],
      );
      expect(t.errors).toEqual([
        expect.objectContaining({ kind: 'mapping', message: expect.stringContaining('not known') }),
      ]);
    },
  );

  it('reads a run of 5,000 UNA strings without growing the stack', () => {
    const t = run(`${"UNA:+.? '".repeat(5000)}UNB+UNOC:3+A+B+250402:1520+1'`);
    expectLocatedErrors(t);
  });

  it('parses a message of 200,000 segments without a known structure', () => {
    const body = "FTX+AAI+++SOME TEXT'".repeat(200_000);
    const edi = `UNA:+.? 'UNB+UNOC:3+A+B+250402:1520+1'UNH+1+ZZZZZZ:D:96A:UN'${body}UNT+200002+1'UNZ+1+1'`;
    const t = run(edi);
    expect(t.detection?.format).toBe('edifact');
    expect(t.errors.filter((e) => e.stage === 'parse')).toEqual([]);
    expect(t.errors[0].message).toContain('no mapping for edifact ZZZZZZ');
  });

  it('parses an X12 set of 150,000 segments leniently without overflowing', () => {
    const lines = 'N9*CO*ORD-88123~\n'.repeat(150_000);
    const t = run(x12.replace('N9*CO*ORD-88123~\n', lines), [], true);
    expectLocatedErrors(t, false);
  });

  it('refuses a 4PX epoch beyond the date range, located at the field', () => {
    const delivered = fixture('warehouse-rest', 'golden', 'fpx-outbound-delivered.json').replace(
      '"delivered_time": 1776319200000',
      '"delivered_time": 1e38',
    );
    const t = run(delivered);
    expect(t.errors).toEqual([
      expect.objectContaining({
        kind: 'mapping',
        location: expect.objectContaining({ pointer: '/data/delivered_time' }),
      }),
    ]);
  });

  it('turns an exception a codec should not throw into a located internal error', () => {
    const broken: Codec = {
      format: 'json',
      detect: () => ({ format: 'json', standard: 'JSON' }),
      decode: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'trimEnd')");
      },
    };
    const t = translate(Buffer.from('x'), {
      registry: new FormatRegistry().addCodec(broken),
      context: { partnerId: 'p', receivedAt: '2026-01-01T00:00:00Z' },
      validate: (_type, payload) => payload,
      requireMapping: true,
    });
    expect(t.errors).toEqual([
      expect.objectContaining({ kind: 'internal', stage: 'parse', location: { offset: 0 } }),
    ]);
    expect(t.errors[0].message).toContain('trimEnd');
  });

  it('reports a detector that throws as a located internal error of detect()', () => {
    const broken: Codec = {
      format: 'json',
      detect: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      decode: () => [],
    };
    const reg = new FormatRegistry().addCodec(broken);
    expect(() => reg.detect(Buffer.from('x'))).toThrow(TradeError);
    const t = translate(Buffer.from('x'), {
      registry: reg,
      context: { partnerId: 'p', receivedAt: '2026-01-01T00:00:00Z' },
      validate: (_type, payload) => payload,
      requireMapping: true,
    });
    expect(t.errors).toEqual([
      expect.objectContaining({ kind: 'internal', stage: 'detect', location: { offset: 0 } }),
    ]);
  });
});
