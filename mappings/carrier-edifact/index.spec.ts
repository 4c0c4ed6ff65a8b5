import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { edifactCodec } from '../codecs/edifact';
import { FormatRegistry } from '../pipeline/format-registry';
import { translate } from '../pipeline/translate';
import { carrierContext, CARRIER_PARTNERS } from './__fixtures__/carrier-partners.fixture';
import {
  CarrierEdifactSettingsSchema,
  carrierEdifactInboundMappings,
  carrierEdifactOutboundMappings,
} from './index';

const registry = new FormatRegistry().addCodec(edifactCodec);
carrierEdifactInboundMappings.forEach((m) => registry.addInbound(m));
carrierEdifactOutboundMappings.forEach((m) => registry.addOutbound(m));

describe('carrier EDIFACT mapping set', () => {
  it('covers each inbound message type once and both outbound documents', () => {
    expect(carrierEdifactInboundMappings.flatMap((m) => m.messageTypes).sort()).toEqual([
      'COARRI',
      'CODECO',
      'COPARN',
      'IFTMBC',
      'IFTSTA',
      'VERMAS',
    ]);
    expect(registry.outboundFor('Booking', 'edifact')?.id).toBe('carrier-edifact-iftmin-booking');
    expect(registry.outboundFor('ShippingInstruction', 'edifact')?.id).toBe(
      'carrier-edifact-iftmin-si',
    );
  });

  it('accepts both example lines as settings', () => {
    for (const partner of Object.values(CARRIER_PARTNERS)) {
      expect(CarrierEdifactSettingsSchema.safeParse(partner.settings).success).toBe(true);
    }
    expect(CarrierEdifactSettingsSchema.safeParse({ statusCode: {} }).success).toBe(false);
  });

  it.each([
    ['edifact-iftsta', 'sino-ningbo-export', 5],
    ['edifact-iftmbc', 'sino-confirmed', 1],
    ['edifact-coparn', 'sino-empty-release', 1],
    ['edifact-codeco', 'sino-ningbo-gate-in', 2],
    ['edifact-vermas', 'sino-vgm-two-containers', 2],
  ])('translates %s/%s through the pipeline registry', (folder, name, count) => {
    const input = readFileSync(join(__dirname, '..', folder, 'golden', `${name}.edi`));
    const result = translate(input, {
      registry,
      context: carrierContext('sino-ocean-lines'),
      validate: validateDocument,
      requireMapping: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.messages[0].documents).toHaveLength(count);
  });
});
