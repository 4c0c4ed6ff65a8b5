import { readSftpSettings } from '../transports/sftp';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { PartnerRecordSchema } from '../../core/partners/partner.schema';
import { readSeedFolder } from '../../core/partners/seed-files';
import { readAckReceipt } from '../../mappings/acknowledgements/ack-receipt';
import { x12Codec } from '../../mappings/codecs/x12';
import { buildFormatRegistry } from '../../mappings/format-registry.default';
import { translate } from '../../mappings/pipeline/translate';
import { acknowledgeX12, x12Warehouse940Mapping } from '../../mappings/x12-warehouse';
import { keystone846, keystone945, keystone997 } from './__fixtures__/keystone-files.fixture';
import { keystoneSettings } from './__fixtures__/keystone.fixture';
import { warehouseX12Formats, warehouseX12PartnerRecord } from './warehouse-partner';
import { warehouseX12Manifest } from './warehouse-x12.manifest';

const seedDir = join(__dirname, '..', '..', 'gateway', 'seed');
const PIN = `SHA256:${'x'.repeat(43)}`;
const record = warehouseX12PartnerRecord({
  id: 'us-3pl-keystone',
  name: 'Keystone Fulfillment',
  settings: keystoneSettings,
  sftp: { host: 'h', username: 'u', password: 'p', hostKeySha256: PIN },
});

function seeded(vars: Record<string, string> = {}) {
  const entry = readSeedFolder(seedDir, vars).partners.find(
    (p) => (p.record as { id: string }).id === 'us-3pl-keystone',
  );
  return PartnerRecordSchema.parse(entry!.record);
}

const translated = (raw: Buffer) => {
  const translation = translate(raw, {
    registry: buildFormatRegistry(warehouseX12Manifest.mappings!),
    context: { partnerId: record.id, receivedAt: '2025-06-12T12:31:00Z' },
    hints: record.formats,
    validate: validateDocument,
    requireMapping: true,
  });
  expect(translation.errors).toEqual([]);
  return translation.messages.flatMap((m) => m.documents);
};

describe('X12 3PL connector', () => {
  it('seeds Keystone with the fixture settings in every format entry, answers on', () => {
    const partner = seeded();
    expect(partner.formats).toEqual(warehouseX12Formats(keystoneSettings));
    expect(partner.identifiers).toEqual(record.identifiers);
    expect(partner).toMatchObject({
      kind: 'warehouse',
      connector: warehouseX12Manifest.id,
      enabled: true,
      settings: { acknowledge: true },
    });
    const types = partner.formats.map((f) => `${f.direction} ${f.messageType}`);
    expect(types).toEqual(['in 945', 'in 944', 'in 846', 'out 940']);
    for (const f of partner.formats)
      expect(warehouseX12Manifest.messageTypes[f.direction as 'in' | 'out']).toContain(
        f.messageType,
      );
  });

  it('points the seeded SFTP settings at the compose service, /us-3pl folders, from variables', () => {
    const bare = seeded().transports[0];
    expect(bare).toMatchObject({
      kind: 'sftp',
      host: 'sftp',
      port: 22,
      username: 'carrier',
      inboundDir: '/us-3pl/in',
      archiveDir: '/us-3pl/archive',
      errorDir: '/us-3pl/error',
      outboundDir: '/us-3pl/out',
      completeness: 'x12-iea',
    });
    // Without a password and a pinned key the record is valid (it boots), but the transport
    // refuses to connect: a config error when polled.
    expect(warehouseX12Manifest.transportSchemas.sftp.safeParse(bare).success).toBe(true);
    expect(() => readSftpSettings(bare, 'us-3pl-keystone', 'receive')).toThrow(
      /password or privateKey/,
    );
    const configured = seeded({
      TRADEHUB_SEED_KSTN_SFTP_PASSWORD: 'pa55',
      TRADEHUB_SEED_KSTN_SFTP_HOST_KEY: PIN,
      TRADEHUB_SEED_KSTN_SFTP_INBOUND_DIR: '/keystone/945',
    }).transports[0];
    expect(warehouseX12Manifest.transportSchemas.sftp.parse(configured)).toMatchObject({
      password: 'pa55',
      inboundDir: '/keystone/945',
      completeness: 'x12-iea',
    });
  });

  it('builds a record whose formats map a 945 and an 846 in Eastern time', () => {
    expect(PartnerRecordSchema.parse(record)).toEqual(record);
    const [event] = translated(
      keystone945({
        control: 41,
        fulfillmentNo: 'FO-1',
        orderNo: 'SO-1',
        lines: [['KT-1500-WH', 3]],
      }),
    );
    expect(event.payload).toMatchObject({
      provider: 'Keystone Fulfillment',
      warehouseCode: 'US-ABE-1',
      fulfillmentNo: 'FO-1',
      status: 'SHIPPED',
      occurredAt: '2025-06-11T17:15:00-04:00',
      carrier: 'UPSN',
      shippedLines: [{ sku: 'KT-1500-WH', quantity: 3 }],
    });
    const [stock] = translated(keystone846({ control: 42, lines: [['KT-1500-WH', 120, 20]] }));
    expect(stock.payload).toMatchObject({
      warehouseCode: 'US-ABE-1',
      items: [{ sku: 'KT-1500-WH', available: 100, reserved: 20 }],
    });
  });

  it('renders 940s in its dialect: N1*WH, depositor N1*DE, CRLF after each segment', () => {
    const order = JSON.parse(
      readFileSync(
        join(__dirname, '../../mappings/x12-940/golden/ups-ground-two-lines.input.json'),
        'utf8',
      ),
    ) as Parameters<typeof x12Warehouse940Mapping.render>[0];
    const out = x12Warehouse940Mapping.render(
      { ...order, provider: 'Keystone Fulfillment', warehouseCode: 'US-ABE-1' },
      {
        partnerId: record.id,
        receivedAt: '2025-06-12T12:00:00Z',
        settings: keystoneSettings,
        controlRef: '77',
      },
    );
    const text = out.body.toString('utf8');
    expect(out.messageRef).toBe('77');
    expect(text).toMatch(/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*TRADEHUB {7}\*01\*078123456 {6}\*/);
    expect(text).toContain('~\r\nGS*OW*TRADEHUB*KEYSTONE3PL*20250612*0800*77*X*004010~\r\n');
    expect(text).toContain('~\r\nN1*WH*KEYSTONE ALLENTOWN DC*91*ABE1~\r\n');
    expect(text).toContain('~\r\nN1*DE*HANGZHOU TRADE CO LTD*92*HZT001~\r\n');
  });

  it('answers its files with a 997 to its ISA id and reads its 997s back', () => {
    const shipped = keystone945({ control: 43, fulfillmentNo: 'FO-2', orderNo: 'SO-2', lines: [] });
    const ack = acknowledgeX12(shipped, {
      settings: keystoneSettings,
      partnerId: record.id,
      controlNumber: 9,
      at: '2025-06-12T12:31:00Z',
    })!.toString('utf8');
    expect(ack).toContain('*01*078123456      *');
    expect(ack).toContain('AK1*SW*43~');
    const read = (accept: boolean) => {
      const raw = keystone997({ control: 44, group: '77', accept });
      return readAckReceipt(x12Codec.decode(raw, x12Codec.detect(raw)!)[0]);
    };
    expect(read(true)).toMatchObject({ answersRef: '77', verdict: 'acknowledged' });
    expect(read(false)).toMatchObject({ answersRef: '77', verdict: 'rejected-by-partner' });
  });
});
