import type { TransportInstruction } from '../../core/model/documents/logistics-transport-instruction.schema';
import { carrierInbound, type CarrierInput } from '../carrier-edifact/carrier-inbound';
import { readDtm } from '../carrier-edifact/edifact-datetime';
import { mappingError } from '../carrier-edifact/mapping-error';
import { groupHeads } from '../carrier-edifact/message-header';
import { issuedAt } from '../carrier-edifact/message-time';
import { locationByQualifier, readFreeText } from '../carrier-edifact/segment-readers';
import { compact } from '../carrier-edifact/shipment-event.builder';
import { partiesByRole, readTotals, readUnits } from './iftmin-inbound.reader';

// NAD 3035: CZ consignor (SH shipper), CN consignee, FW freight forwarder, CA carrier.
const SHIPPERS = ['CZ', 'SH'];
// DTM 2005 at message level: 10 shipment date/time requested, 200 pick-up/collection;
// 2 delivery date/time requested, 17 delivery estimated.
const SHIPMENT_DATES = ['10', '200'];
const DELIVERY_DATES = ['2', '17'];

/**
 * IFTMIN received from a shipper or forwarder -> TransportInstruction. One reading for every
 * directory the message is sent in (S.93A subsets such as PostNord PN001, D.96A, D.99B,
 * D.00B ...): the segments below mean the same in each and sit in the same groups. BGM 1001
 * is kept as the document code (220 order, 335 booking request, 340 shipping instructions,
 * 610 forwarding instructions), TSR the service, CNT the totals, NAD with CTA/COM the parties,
 * GID with MEA and PCI/GIN the units and their parcel ids. A cancellation is refused (it needs
 * the instruction it cancels).
 */
export const iftminInboundMapping = carrierInbound('carrier-edifact-iftmin', 'IFTMIN', (input) => {
  const instruction = read(input);
  return [
    {
      documentType: 'TransportInstruction',
      eventType: 'logistics.transport-instruction.received',
      payload: instruction,
      occurredAt: instruction.issuedAt,
    },
  ];
});

function read(input: CarrierInput): TransportInstruction {
  const { message: m, header, settings, warnings, ctx } = input;
  const root = m.tree;
  const instructionNo = header.documentNo;
  if (!instructionNo)
    throw mappingError(
      'IFTMIN names no instruction number (BGM 1004)',
      header.bgm,
      'missing-number',
    );
  const parties = partiesByRole(root);
  const shipper = SHIPPERS.map((r) => parties.get(r)).find(Boolean);
  if (!shipper)
    throw mappingError('IFTMIN names no consignor (NAD CZ or SH)', header.bgm, 'missing-party');
  const refs = groupHeads(root, 'RFF').flatMap((r) => {
    const [type, value] = [r.get(0, 0), r.get(0, 1)?.trim()];
    return type && value ? [{ type, value }] : [];
  });
  const refsOf = (q: string) => refs.filter((r) => r.type === q).map((r) => r.value);
  const locs = [
    ...groupHeads(root, 'LOC'),
    ...root.groups('TDT').flatMap((t) => groupHeads(t, 'LOC')),
  ];
  const place = (...q: string[]) => locationByQualifier(locs, q, warnings);
  const tsr = root.segment('TSR');
  const services = tsr ? [tsr.get(1, 0), tsr.get(1, 3)].filter((s) => s !== undefined) : [];
  const units = readUnits(root, warnings);
  return compact({
    instructionNo,
    documentCode: header.documentCode ?? '610',
    rawStatus: header.function ? { code: header.function } : undefined,
    issuedAt: issuedAt(header, m, ctx, settings.timeZone, warnings),
    requestedShipmentDate: dateOf(input, SHIPMENT_DATES),
    requestedDeliveryDate: dateOf(input, DELIVERY_DATES),
    serviceCode: tsr?.get(0, 0),
    additionalServices: services.length ? services : undefined,
    shipper,
    consignee: parties.get('CN'),
    forwarder: parties.get('FW'),
    carrier: parties.get('CA'),
    placeOfReceipt: place('88', '5'),
    portOfLoading: place('9'),
    portOfDischarge: place('11'),
    placeOfDelivery: place('7', '8'),
    ...readTotals(root, warnings),
    units: units.length ? units : undefined,
    references: refs.length ? refs : undefined,
    bookingNos: refsOf('BN').length ? refsOf('BN') : undefined,
    orderNos: refsOf('ON').length ? refsOf('ON') : undefined,
    remarks: readFreeText(root.segments('FTX')),
  });
}

/** The calendar date of the first message-level DTM with one of the qualifiers. */
function dateOf(input: CarrierInput, qualifiers: string[]): string | undefined {
  const dtms = input.message.tree.segments('DTM');
  const dtm = qualifiers.map((q) => dtms.find((d) => d.get(0, 0) === q)).find(Boolean);
  if (!dtm) return undefined;
  return readDtm(dtm, input.settings.timeZone, input.lenient).iso.slice(0, 10);
}
