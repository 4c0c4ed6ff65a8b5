import { join } from 'node:path';
import type { ConnectorManifest } from '../../../core/connector/contract';
import { PartnerRecordSchema } from '../../../core/partners/partner.schema';
import { readSeedFolder } from '../../../core/partners/seed-files';
import { carrierDcsaManifest } from '../../carrier-dcsa';
import { warehouseRestManifest } from '../../warehouse-rest';
import { amazonManifest } from '../../commerce-amazon';
import { shopeeManifest } from '../../commerce-shopee';

// The HTTP connectors' seed partners, with the variables left to their defaults.
const seed = readSeedFolder(join(__dirname, '../../../gateway/seed'), {});
const partners = seed.partners.map((p) => PartnerRecordSchema.parse(p.record));

describe.each<[ConnectorManifest, string]>([
  [carrierDcsaManifest, 'oceanic-dcsa'],
  [warehouseRestManifest, 'euro-fulfil-4px'],
  [shopeeManifest, 'shopee-sg-demo'],
  [amazonManifest, 'amazon-na-demo'],
])('seed partners of %#', (manifest, example) => {
  const mine = partners.filter((p) => p.connector === manifest.id);

  it(`include ${example} and pass the ${manifest.id} settings schemas`, () => {
    expect(mine.map((p) => p.id)).toContain(example);
    for (const transport of mine.flatMap((p) => p.transports)) {
      const schema = manifest.transportSchemas[transport.kind];
      expect(schema).toBeDefined();
      expect(schema.safeParse(transport).error).toBeUndefined();
    }
  });

  it('declare pull transports inbound, so the outbound composer never picks them', () => {
    for (const transport of mine.flatMap((p) => p.transports)) {
      if (/poll|tnt|inbound/.test(transport.kind)) expect(transport.direction).toBe('in');
    }
  });
});
