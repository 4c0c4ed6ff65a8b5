import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  shipmentEventIdentity,
  type ShipmentEvent,
} from '../../core/model/documents/logistics-event.schema';
import { edifactCodec } from '../codecs/edifact';
import { carrierContext } from '../carrier-edifact/__fixtures__/carrier-partners.fixture';
import { describeGoldenCases } from '../carrier-edifact/__fixtures__/golden-cases';
import { coparnMapping } from './coparn.mapping';

describeGoldenCases('COPARN release order -> ShipmentEvent golden cases', __dirname, coparnMapping);

describe('COPARN mapping', () => {
  const decode = (text: string) =>
    edifactCodec.decode(Buffer.from(text, 'latin1'), {
      format: 'edifact',
      standard: 'UN/EDIFACT',
    })[0];
  const release = readFileSync(join(__dirname, 'golden', 'sino-empty-release.edi'), 'latin1');

  it('keeps releases at two depots apart as two milestones', () => {
    const twoDepots = release.replace(
      /(SNLU3107727[\s\S]*?)LOC\+98\+CNNGB:139:6\+NBDEPOT7/,
      '$1LOC+98+CNSHA:139:6+WGQDEP',
    );
    const events = coparnMapping
      .toCanonical(decode(twoDepots), carrierContext('sino-ocean-lines'))
      .documents.map((d) => d.payload as ShipmentEvent);
    expect(
      events.map((e) => [e.location?.unLocode, e.isoEquipmentCode, e.equipmentReference]),
    ).toEqual([
      ['CNNGB', '45G1', undefined],
      ['CNSHA', '22G1', 'SNLU3107727'],
    ]);
    expect(shipmentEventIdentity(events[0])).not.toBe(shipmentEventIdentity(events[1]));
  });

  it('dates an order without DTM 137 by its UNB in the partner zone', () => {
    const [doc] = coparnMapping.toCanonical(
      decode(release),
      carrierContext('sino-ocean-lines'),
    ).documents;
    expect(doc.occurredAt).toBe('2025-04-15T08:16:00+08:00');
  });
});
