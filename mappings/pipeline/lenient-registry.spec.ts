import type { Codec } from '../../core/translation/contract';
import { carrierEdifactInboundMappings } from '../carrier-edifact';
import { buildFormatRegistry } from '../format-registry.default';
import { lenientRegistry, withCodecs } from './lenient-registry';

// UNT says 3 segments where the message has 4: strict envelope checks refuse it.
const miscounted = Buffer.from(
  "UNB+UNOC:3+SENDER:ZZZ+RECEIVER:ZZZ+250602:1015+REF1'" +
    "UNH+1+IFTSTA:D:99B:UN'BGM+23+DOC1+9'DTM+137:202506021015:203'UNT+3+1'UNZ+1+REF1'",
);

describe('lenient registry', () => {
  const base = buildFormatRegistry({ inbound: carrierEdifactInboundMappings });

  it('decodes EDIFACT with lenient envelope checks and keeps detection and mappings', () => {
    const lenient = lenientRegistry(base);
    const detection = lenient.detect(miscounted)!;
    expect(detection).toEqual(base.detect(miscounted));
    expect(() => base.codec('edifact').decode(miscounted, detection)).toThrow(/UNT count 3/);
    const [message] = lenient.codec('edifact').decode(miscounted, detection);
    expect((message.tree as { warnings: string[] }).warnings.join()).toMatch(/UNT/);
    expect(lenient.inboundFor(detection)?.id).toBe('carrier-edifact-iftsta');
    expect(base.inboundFor(detection)?.id).toBe('carrier-edifact-iftsta');
    expect(lenient.inboundMappings()).toEqual(base.inboundMappings());
  });

  it('uses the base codec for formats it does not override', () => {
    const json: Codec = { format: 'json', detect: () => null, decode: () => [] };
    const registry = withCodecs(base, [json]);
    expect(registry.codec('json')).toBe(json);
    expect(registry.codec('x12')).toBe(base.codec('x12'));
  });
});

describe('lenient registry, X12', () => {
  // SE01 says 5 where ST..SE are 4 segments: the class of fault the corpus 310 shows.
  const miscounted = Buffer.from(
    'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250602*1015*U*00401*000000007*0*P*>~' +
      'GS*QO*SENDER*RECEIVER*20250602*1015*7*X*004010~ST*315*0001~B4***VD*20250601*0800~' +
      'N9*BM*MAEU2506010~SE*5*0001~GE*1*7~IEA*1*000000007~',
  );

  it('reads a wrong SE01 with a warning, where strict refuses it', () => {
    const base = buildFormatRegistry({ inbound: carrierEdifactInboundMappings });
    const detection = base.detect(miscounted)!;
    expect(() => base.codec('x12').decode(miscounted, detection)).toThrow(/SE01 says 5/);
    const [message] = lenientRegistry(base).codec('x12').decode(miscounted, detection);
    const issues = (message.tree as { set: { issues: Array<{ severity: string; code: string }> } })
      .set.issues;
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'SE01_COUNT' })]);
  });
});
