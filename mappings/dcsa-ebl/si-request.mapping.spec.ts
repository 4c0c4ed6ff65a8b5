import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { ShippingInstruction } from '../../core/model/documents/logistics-document.schema';
import { jsonCodec } from '../codecs/json/json.codec';
import { dcsaShippingInstructionsMapping } from './si-request.mapping';

const golden = (name: string) => join(__dirname, 'golden', name);
const ctx = { partnerId: 'ningbo-lakeside', receivedAt: '2025-04-20T03:15:00Z' };
const source = readFileSync(golden('ningbo-kettles-swb.json'), 'utf8');
const map = (text: string) => {
  const raw = Buffer.from(text);
  const [message] = jsonCodec.decode(raw, jsonCodec.detect(raw)!);
  return dcsaShippingInstructionsMapping.toCanonical(message, ctx);
};
/** The parts of the golden request the refusal cases edit. */
interface Si {
  transportDocumentTypeCode?: string;
  houseBillOfLadings?: unknown[];
  documentParties: { shipper?: unknown };
  consignmentItems: Array<{
    carrierBookingReference?: string;
    cargoItems: Array<{ cargoGrossWeight?: unknown }>;
  }>;
}
const edited = (edit: (si: Si) => void) => {
  const si = JSON.parse(source) as Si;
  edit(si);
  return JSON.stringify(si);
};

describe('DCSA eBL 3.0 shipping instructions -> ShippingInstruction', () => {
  it('maps the golden request: booking, parties, container with seals and marks, no ports', () => {
    const result = map(source);
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    const expected = readFileSync(golden('ningbo-kettles-swb.expected.json'), 'utf8');
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(expected));
  });

  it('keeps an SI whose container fails its check digit, without it and with a warning', () => {
    const text = source.replace(/CSQU3054383/g, 'CSQU3054384');
    const result = map(text);
    const si = validateDocument<ShippingInstruction>(
      'ShippingInstruction',
      result.documents[0].payload,
    );
    expect(si.containers).toEqual([]);
    expect(si.cargo[0]).not.toHaveProperty('containerNo');
    expect(result.warnings).toEqual([
      '/utilizedTransportEquipments/0/equipmentReference: "CSQU3054384" fails the ISO 6346 check digit, left out',
      '/consignmentItems/0/cargoItems/0/equipmentReference: "CSQU3054384" fails the ISO 6346 check digit, left out',
    ]);
  });

  it('counts house B/Ls in a warning instead of mapping them', () => {
    const text = edited((si) => (si.houseBillOfLadings = [{ houseBillOfLadingReference: 'H1' }]));
    expect(map(text).warnings).toContain(
      "1 house B/L(s) not mapped: the forwarder's own documents",
    );
  });

  it.each([
    [
      'a cargo item without weight',
      (si: Si) => delete si.consignmentItems[0].cargoItems[0].cargoGrossWeight,
      '/consignmentItems/0/cargoItems/0/cargoGrossWeight',
    ],
    [
      'an item without booking',
      (si: Si) => delete si.consignmentItems[0].carrierBookingReference,
      '/consignmentItems/0/carrierBookingReference',
    ],
    [
      'an unknown document type',
      (si: Si) => (si.transportDocumentTypeCode = 'HBL'),
      '/transportDocumentTypeCode',
    ],
    ['no shipper', (si: Si) => delete si.documentParties.shipper, '/documentParties/shipper'],
  ])('refuses %s at its JSON pointer', (_why, edit, pointer) => {
    expect(() => map(edited(edit))).toThrow(
      expect.objectContaining({ kind: 'mapping', location: { pointer } }),
    );
  });
});
