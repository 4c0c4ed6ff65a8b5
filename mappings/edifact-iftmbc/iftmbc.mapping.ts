import type { TradeError } from '../../core/errors/trade-error';
import type { BookingConfirmation } from '../../core/model/documents/logistics-booking.schema';
import type { MappedDocument } from '../../core/translation/contract';
import { carrierInbound, type CarrierInput } from '../carrier-edifact/carrier-inbound';
import { mappingError } from '../carrier-edifact/mapping-error';
import { groupHeads } from '../carrier-edifact/message-header';
import { issuedAt } from '../carrier-edifact/message-time';
import { readParty } from '../carrier-edifact/party.reader';
import { readFreeText, readReferences } from '../carrier-edifact/segment-readers';
import { asMappedEvent, compact, eventRefs } from '../carrier-edifact/shipment-event.builder';
import { readEquipment } from './iftmbc-equipment.reader';
import { readRouting } from './iftmbc-routing.reader';
import { bookingStatus, rawBookingStatus, STATUS_EVENT_CODES } from './iftmbc-status';

/** RFF qualifiers that echo the shipper's booking request: sender's reference to the original
 *  message, shipper's identifying number, forwarder's reference. */
const REQUEST_REF_QUALIFIERS = ['AGO', 'SI', 'FF'];

/**
 * IFTMBC (booking confirmation) -> BookingConfirmation with the status from BGM 1225/4343
 * (confirmed, rejected, pending ...). A confirmation lacking vessel, ports or equipment is a
 * located mapping error; a rejection, cancellation or pending answer that lacks them (carriers
 * send those short) becomes a SHIPMENT event on the booking (REJE, CANC, PENU ...) instead.
 */
export const iftmbcMapping = carrierInbound(
  'carrier-edifact-iftmbc',
  'IFTMBC',
  (input) => {
    const status = bookingStatus(input.header, input.settings.bookingStatusCodes);
    const draft = confirmationDraft(input, status);
    if (draft.missing.length === 0) return [asConfirmation(draft.doc as BookingConfirmation)];
    // A short confirmation (no vessel, ports or equipment) is refused unless the partner's
    // checks are lenient: then the booking's timeline still learns it was confirmed.
    if (status === 'CONFIRMED' && input.ctx.checks !== 'lenient') throw draft.missing[0].error;
    input.warnings.push(
      `segment ${input.header.bgm.index} BGM: booking ${status} has no ${draft.missing.map((m) => m.what).join(', ')}: reported as a SHIPMENT event`,
    );
    return [statusEvent(input, draft.doc, status)];
  },
  { mapsCancellations: true },
);

interface Draft {
  doc: Partial<BookingConfirmation> & { bookingNo: string; confirmedAt: string };
  missing: Array<{ what: string; error: TradeError }>;
}

function confirmationDraft(input: CarrierInput, status: BookingConfirmation['status']): Draft {
  const { message: m, header, settings, warnings } = input;
  const root = m.tree;
  const refs = readReferences(groupHeads(root, 'RFF'));
  const bookingNo = refs.bookingNo ?? header.documentNo;
  if (!bookingNo)
    throw mappingError(
      'IFTMBC names no booking number (RFF+BN or BGM 1004)',
      header.bgm,
      'missing-booking',
    );
  const carrierNad = groupHeads(root, 'NAD').find((n) => n.get(0) === 'CA');
  const carrier =
    (carrierNad && readParty(carrierNad)) ??
    (settings.carrierName ? { name: settings.carrierName } : undefined) ??
    senderAsCarrier(input);
  const routing = readRouting(root, settings.timeZone, warnings, input.lenient);
  const equipment = readEquipment(root.groups('EQD'));
  const missing: Draft['missing'] = [];
  const need = (ok: unknown, what: string, code: string) => {
    if (!ok)
      missing.push({
        what,
        error: mappingError(`booking confirmation has no ${what}`, header.bgm, code),
      });
  };
  need(
    carrier,
    settings.carrierFromSender
      ? 'carrier (NAD+CA or the carrierName setting)'
      : 'carrier (NAD+CA or the carrierName setting; carrierFromSender is off)',
    'missing-carrier',
  );
  need(routing.vessel, 'vessel (TDT)', 'missing-vessel');
  need(routing.portOfLoading, 'port of loading (LOC+9)', 'missing-port-of-loading');
  need(routing.portOfDischarge, 'port of discharge (LOC+11)', 'missing-port-of-discharge');
  need(equipment.length, 'equipment (EQD)', 'missing-equipment');
  const requestRef = REQUEST_REF_QUALIFIERS.map((q) => refs.others.find((r) => r.type === q)).find(
    Boolean,
  );
  const doc = compact({
    bookingNo,
    bookingRequestRef: requestRef?.value,
    status,
    rawStatus: { code: rawBookingStatus(header) || (header.documentCode ?? '770') },
    carrier,
    carrierCode: settings.carrierCode ?? carrierNad?.get(1, 0),
    confirmedAt: issuedAt(header, m, input.ctx, settings.timeZone, warnings),
    ...routing,
    equipment,
    orderNos: refs.others.filter((r) => r.type === 'PO').map((r) => r.value),
    remarks: readFreeText(root.segments('FTX')),
  });
  return { doc, missing };
}

/**
 * A carrier answers for itself: without NAD+CA and a carrierName setting, the carrier is the
 * interchange sender, which the normalizer has matched to the partner record the file came
 * from. Said as a warning; a partner whose settings turn `carrierFromSender` off is refused.
 */
function senderAsCarrier(input: CarrierInput): BookingConfirmation['carrier'] | undefined {
  const unb = input.message.interchange;
  if (!unb?.senderId || !input.settings.carrierFromSender) return undefined;
  input.warnings.push(
    `segment ${input.header.bgm.index} BGM: no NAD+CA and no carrierName setting: the carrier is the interchange sender ${unb.senderId} (partner ${input.ctx.partnerId})`,
  );
  const qualifier = unb.senderQualifier;
  return compact({
    name: unb.senderId,
    identifiers: qualifier
      ? [{ scheme: 'EDI' as const, value: unb.senderId, qualifier }]
      : undefined,
  });
}

function asConfirmation(doc: BookingConfirmation): MappedDocument {
  return {
    documentType: 'BookingConfirmation',
    eventType: 'logistics.booking.confirmed',
    payload: doc,
    occurredAt: doc.confirmedAt,
  };
}

function statusEvent(
  input: CarrierInput,
  doc: Draft['doc'],
  status: BookingConfirmation['status'],
): MappedDocument {
  const refs = readReferences(groupHeads(input.message.tree, 'RFF'));
  return asMappedEvent({
    eventKind: 'SHIPMENT',
    classifier: 'ACT',
    eventCode: STATUS_EVENT_CODES[status],
    eventDateTime: doc.confirmedAt,
    documentTypeCode: 'BKG',
    documentId: doc.bookingNo,
    ...eventRefs({ ...refs, bookingNo: doc.bookingNo }, input.warnings),
    carrierCode: doc.carrierCode,
    sourceStatusCode: doc.rawStatus?.code ?? status,
    sourceStatusDescription: `Booking ${status.toLowerCase().replace(/_/g, ' ')}`,
    remarks: doc.remarks,
  });
}
