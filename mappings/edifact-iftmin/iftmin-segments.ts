import type { Location } from '../../core/model/values/location.schema';
import type { Party } from '../../core/model/values/party.schema';
import type { SegmentDraft } from '../codecs/edifact';
import type { TextRules } from './iftmin-text';

type Conveyance = {
  mode: string;
  vesselName?: string;
  vesselImo?: string;
  voyageNo?: string;
  carrierCode?: string;
};

// UNCL 8067 mode of transport codes.
const MODE_CODES: Record<string, string> = {
  SEA: '1',
  RAIL: '2',
  ROAD: '3',
  AIR: '4',
  POST: '5',
  MULTIMODAL: '6',
};

/** LOC with a UN/LOCODE (1131 139 port, 3055 6 UN/ECE) and the terminal as related place. */
export function loc(
  t: TextRules,
  qualifier: string,
  place: Location,
  pointer: string,
): SegmentDraft {
  return {
    tag: 'LOC',
    elements: [
      qualifier,
      [place.unLocode, '139', '6', place.name && t.fits(place.name, 70, `${pointer}/name`)],
      place.facilityCode ? [place.facilityCode, 'TER', 'ZZZ'] : undefined,
    ],
  };
}

export const dtm = (qualifier: string, value: string, format: '102' | '203'): SegmentDraft => ({
  tag: 'DTM',
  elements: [[qualifier, value, format]],
});

export const rff = (
  t: TextRules,
  qualifier: string,
  value: string,
  pointer: string,
): SegmentDraft => ({
  tag: 'RFF',
  elements: [[qualifier, t.fits(value, 35, pointer)]],
});

/** FTX segments (C108: five pieces of 70) for a text, as many as it needs up to `maxSegments`. */
export function ftx(
  t: TextRules,
  qualifier: string,
  text: string,
  maxSegments: number,
  pointer: string,
): SegmentDraft[] {
  const all = t.pieces(text, 70, 5 * maxSegments, pointer);
  const out: SegmentDraft[] = [];
  for (let i = 0; i < all.length; i += 5) {
    out.push({ tag: 'FTX', elements: [qualifier, undefined, undefined, all.slice(i, i + 5)] });
  }
  return out;
}

/** TDT main carriage: voyage, mode, carrier (SCAC, 3055 182), vessel (IMO 146/11 and name). */
export function tdt(t: TextRules, vessel: Conveyance | undefined, pointer: string): SegmentDraft {
  const id = vessel?.vesselImo ?? '';
  const name = vessel?.vesselName && t.fits(vessel.vesselName, 35, `${pointer}/vesselName`);
  return {
    tag: 'TDT',
    elements: [
      '20',
      vessel?.voyageNo && t.fits(vessel.voyageNo, 17, `${pointer}/voyageNo`),
      MODE_CODES[vessel?.mode ?? 'SEA'],
      undefined,
      vessel?.carrierCode
        ? [t.fits(vessel.carrierCode, 17, `${pointer}/carrierCode`), '172', '182']
        : undefined,
      undefined,
      undefined,
      id || name ? [id, id ? '146' : undefined, id ? '11' : undefined, name] : undefined,
    ],
  };
}

/**
 * NAD with name (C080, five pieces of 35), street (C059, at most three pieces: D.95B allows
 * three), city, postcode and country; then CTA/COM for the contact (SG12, SG40).
 */
export function nadGroup(
  t: TextRules,
  qualifier: string,
  party: Party,
  pointer: string,
): SegmentDraft[] {
  const a = party.address;
  const street = a?.lines?.length
    ? t.pieces(a.lines.join(', '), 35, 3, `${pointer}/address/lines`)
    : undefined;
  const id = party.identifiers?.[0];
  const nad: SegmentDraft = {
    tag: 'NAD',
    elements: [
      qualifier,
      id
        ? [
            t.fits(id.value, 35, `${pointer}/identifiers/0/value`),
            '160',
            id.scheme === 'GLN' ? '9' : 'ZZZ',
          ]
        : undefined,
      undefined,
      t.pieces(t.partyName(party, `${pointer}/name`), 35, 5, `${pointer}/name`),
      street,
      a?.city && t.fits(a.city, 35, `${pointer}/address/city`),
      undefined,
      a?.postalCode && t.fits(a.postalCode, 9, `${pointer}/address/postalCode`),
      a?.country,
    ],
  };
  const c = party.contact;
  if (!c || !(c.name || c.phone || c.email)) return [nad];
  return [
    nad,
    {
      tag: 'CTA',
      elements: ['IC', [undefined, c.name && t.fits(c.name, 35, `${pointer}/contact/name`)]],
    },
    ...(c.phone
      ? [{ tag: 'COM', elements: [[t.fits(c.phone, 512, `${pointer}/contact/phone`), 'TE']] }]
      : []),
    ...(c.email
      ? [{ tag: 'COM', elements: [[t.fits(c.email, 512, `${pointer}/contact/email`), 'EM']] }]
      : []),
  ];
}

/** MEA+AAE with a property (G gross, T tare, AAW volume, VGM) in kg or m3. */
export const mea = (property: string, unit: 'KGM' | 'MTQ', value: string): SegmentDraft => ({
  tag: 'MEA',
  elements: ['AAE', property, [unit, value]],
});
