import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { edifactCodec } from '../codecs/edifact';
import { carrierContext } from '../carrier-edifact/__fixtures__/carrier-partners.fixture';
import { describeGoldenCases } from '../carrier-edifact/__fixtures__/golden-cases';
import { iftminInboundMapping } from './iftmin-inbound.mapping';

const inbound = join(__dirname, 'inbound');

describeGoldenCases('IFTMIN -> TransportInstruction golden cases', inbound, iftminInboundMapping);

describe('IFTMIN inbound across directory versions', () => {
  const text = readFileSync(
    join(inbound, 'golden', 'forwarder-d00b-booking-request.edi'),
    'latin1',
  );
  const mapAs = (unh: string) => {
    const raw = Buffer.from(text.replace('IFTMIN:D:00B:UN', unh), 'latin1');
    const [message] = edifactCodec.decode(raw, edifactCodec.detect(raw)!);
    return iftminInboundMapping.toCanonical(message, carrierContext('baltic-feeder'));
  };

  it.each(['IFTMIN:S:93A:UN', 'IFTMIN:D:96A:UN', 'IFTMIN:D:99B:UN'])(
    '%s reads the same segments as D.00B',
    (unh) => {
      expect(mapAs(unh)).toEqual(mapAs('IFTMIN:D:00B:UN'));
    },
  );

  it('refuses a forwarder cancellation at its BGM', () => {
    const raw = Buffer.from(
      text.replace('BGM+335+FWD-BR-250605-01+9', 'BGM+335+FWD-BR-250605-01+1'),
    );
    const [message] = edifactCodec.decode(raw, edifactCodec.detect(raw)!);
    expect(() =>
      iftminInboundMapping.toCanonical(message, carrierContext('baltic-feeder')),
    ).toThrow(
      expect.objectContaining({
        code: 'cancellation',
        location: expect.objectContaining({ segmentTag: 'BGM' }),
      }),
    );
  });
});
