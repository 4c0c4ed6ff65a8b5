import { readSftpSettings } from '../transports/sftp';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { PartnerRecordSchema } from '../../core/partners/partner.schema';
import { readSeedFolder } from '../../core/partners/seed-files';
import {
  pacificStarShipping,
  sinoOceanLines,
} from '../../mappings/carrier-edifact/__fixtures__/carrier-partners.fixture';
import { buildFormatRegistry } from '../../mappings/format-registry.default';
import { translate } from '../../mappings/pipeline/translate';
import { IFTSTA_CONTAINERS, sinoIftsta } from './__fixtures__/carrier-files.fixture';
import { carrierEdifactManifest } from './carrier-edifact.manifest';
import { carrierFormats, carrierPartnerRecord } from './carrier-partner';

const seedDir = join(__dirname, '..', '..', 'gateway', 'seed');
const PIN = `SHA256:${'x'.repeat(43)}`;

function seeded(id: string, vars: Record<string, string> = {}) {
  const entry = readSeedFolder(seedDir, vars).partners.find(
    (p) => (p.record as { id: string }).id === id,
  );
  return PartnerRecordSchema.parse(entry!.record);
}

describe('carrier EDIFACT connector', () => {
  it.each([
    ['sino-ocean-lines', sinoOceanLines.settings, 'D.99B'],
    ['pacific-star-shipping', pacificStarShipping.settings, 'D.00B'],
  ])('seeds %s with the fixture settings in every format entry', (id, settings, version) => {
    const partner = seeded(id);
    expect(partner.formats).toEqual(carrierFormats(settings));
    expect(partner.formats.every((f) => f.version === version)).toBe(true);
    expect(partner.settings).toEqual({ acknowledge: true });
    expect(partner.connector).toBe(carrierEdifactManifest.id);
    expect(partner.enabled).toBe(true);
  });

  it('points the seeded SFTP settings at the compose service and fills them from variables', () => {
    const bare = seeded('sino-ocean-lines').transports[0];
    expect(bare).toMatchObject({ kind: 'sftp', host: 'sftp', port: 22, username: 'carrier' });
    // Without a password and a pinned key the record is valid (it boots), but the transport
    // refuses to connect: a config error when polled.
    expect(carrierEdifactManifest.transportSchemas.sftp.safeParse(bare).success).toBe(true);
    expect(() => readSftpSettings(bare, 'sino-ocean-lines', 'receive')).toThrow(
      /password or privateKey/,
    );
    const configured = seeded('sino-ocean-lines', {
      TRADEHUB_SEED_SNOL_SFTP_PASSWORD: 'pa55',
      TRADEHUB_SEED_SNOL_SFTP_HOST_KEY: PIN,
      TRADEHUB_SEED_SNOL_SFTP_PORT: '2222',
    }).transports[0];
    const parsed = carrierEdifactManifest.transportSchemas.sftp.parse(configured);
    expect(parsed).toMatchObject({ port: 2222, password: 'pa55', completeness: 'edifact-unz' });
  });

  it('builds a partner record that maps a status file of two containers', () => {
    const record = carrierPartnerRecord({
      id: 'sino-ocean-lines',
      name: 'Sino Ocean Lines',
      settings: sinoOceanLines.settings,
      sftp: { host: 'h', username: 'u', password: 'p', hostKeySha256: PIN },
    });
    expect(PartnerRecordSchema.parse(record)).toEqual(record);
    const translation = translate(sinoIftsta('SNL1'), {
      registry: buildFormatRegistry(carrierEdifactManifest.mappings!),
      context: { partnerId: record.id, receivedAt: '2025-06-12T01:00:00Z' },
      hints: record.formats,
      validate: validateDocument,
      requireMapping: true,
    });
    expect(translation.errors).toEqual([]);
    const events = translation.messages.flatMap((m) => m.documents);
    expect(events.map((e) => e.documentType)).toEqual(['ShipmentEvent', 'ShipmentEvent']);
    expect(
      events.map((e) => (e.payload as { equipmentReference: string }).equipmentReference),
    ).toEqual(IFTSTA_CONTAINERS);
  });
});
