import Decimal from 'decimal.js';
import type { VerifiedGrossMass } from '../../core/model/documents/logistics-event.schema';
import type { EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { carrierInbound } from '../carrier-edifact/carrier-inbound';
import { readDtm } from '../carrier-edifact/edifact-datetime';
import { mappingError } from '../carrier-edifact/mapping-error';
import { groupHeads, withHeaderRefs } from '../carrier-edifact/message-header';
import { issuedAt } from '../carrier-edifact/message-time';
import { readParty } from '../carrier-edifact/party.reader';
import {
  readConveyance,
  readEquipmentNo,
  readLocation,
  readReferences,
  readSizeType,
} from '../carrier-edifact/segment-readers';
import { asMappedEvent, compact, eventRefs } from '../carrier-edifact/shipment-event.builder';
import { ownEntry } from '../../core/collections';

// MEA C174 6411 units a VGM is given in, as kilograms per unit.
const KG_PER_UNIT: Record<string, string> = { KGM: '1', TNE: '1000', LBR: '0.45359237' };

/**
 * VERMAS (verified gross mass) -> one SHIPMENT event per container: documentTypeCode VGM,
 * eventCode SUBM (the declaration was submitted) at the message date, the mass and its
 * method, parties and signatory in `vgm`.
 */
export const vermasMapping = carrierInbound('carrier-edifact-vermas', 'VERMAS', (input) => {
  const { message: m, ctx, header, settings, warnings } = input;
  const submittedAt = issuedAt(header, m, ctx, settings.timeZone, warnings);
  const headerParties = groupHeads(m.tree, 'NAD');
  return m.tree.groups('EQD').map((g) => {
    const eqd = g.head as EdifactSegment;
    const containerNo = readEquipmentNo(eqd, warnings);
    if (!containerNo)
      throw mappingError('VERMAS EQD names no container number', eqd, 'missing-container');
    const tdt = g.group('TDT')?.head;
    const loc = g.segment('LOC');
    return asMappedEvent({
      eventKind: 'SHIPMENT',
      classifier: 'ACT',
      eventCode: 'SUBM',
      eventDateTime: submittedAt,
      location: loc && readLocation(loc, warnings),
      transportCall: tdt && { conveyance: readConveyance(tdt) },
      equipmentReference: containerNo,
      isoEquipmentCode: readSizeType(eqd),
      documentTypeCode: 'VGM',
      documentId: g.group('DOC')?.head?.get(1, 0) ?? header.documentNo,
      ...eventRefs(
        withHeaderRefs(readReferences(g.segments('RFF'), warnings), header.refs),
        warnings,
      ),
      carrierCode: settings.carrierCode,
      sourceStatusCode: header.documentCode ?? 'VERMAS',
      sourceStatusDescription: 'Verified gross mass declaration',
      vgm: readVgm(g, headerParties, settings.timeZone, input.lenient),
    });
  });
});

function readVgm(
  eqdGroup: SegmentGroup,
  headerParties: EdifactSegment[],
  timeZone: string,
  lenient: string[] | undefined,
): VerifiedGrossMass {
  const eqd = eqdGroup.head as EdifactSegment;
  const mea = eqdGroup.groups('MEA').find((g) => g.head?.get(1, 0) === 'VGM');
  if (!mea?.head)
    throw mappingError('container has no verified gross mass (MEA+AAE+VGM)', eqd, 'missing-vgm');
  const doc = eqdGroup.group('DOC');
  const parties = [...(doc ? groupHeads(doc, 'NAD') : []), ...headerParties];
  const party = (q: string) => {
    const nad = parties.find((n) => n.get(0) === q);
    return nad && readParty(nad);
  };
  const signatory = doc
    ?.groups('NAD')
    .flatMap((n) => n.groups('CTA'))
    .find((c) => c.head?.get(0) === 'RP');
  const method = doc?.head?.get(0, 0);
  const determined = mea.segments('DTM').find((d) => d.get(0) === '798');
  return compact({
    grossMassKg: massInKg(mea.head),
    method: method === 'SM1' || method === 'SM2' ? method : undefined,
    determinedAt: determined && readDtm(determined, timeZone, lenient).iso,
    responsibleParty: party('SPC'),
    authorizedSignatory: signatory?.head?.get(1, 1)?.trim(),
    weighingParty: party('WPA'),
  });
}

function massInKg(mea: EdifactSegment): string {
  const unit = mea.get(2, 0) ?? '';
  const value = mea.get(2, 1);
  const factor = ownEntry(KG_PER_UNIT, unit);
  if (!factor) throw mappingError(`VGM unit "${unit}" is not KGM, TNE or LBR`, mea, 'vgm-unit');
  if (!value || !/^\d+([.,]\d+)?$/.test(value))
    throw mappingError(`VGM "${value ?? ''}" is not a mass`, mea, 'vgm-value');
  // EDIFACT allows a comma as decimal mark; pounds are converted and kept to the gram.
  return new Decimal(value.replace(',', '.')).times(factor).toDecimalPlaces(3).toFixed();
}
