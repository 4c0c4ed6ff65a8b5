import { join } from 'node:path';
import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import { validateDocument } from '../../core/model/documents';
import type { DecodedMessage, MappingContext } from '../../core/translation/contract';
import { goldenFolder } from '../json-support/golden.test-support';
import {
  DCSA_BOOKING_CONFIRMATION,
  DCSA_BOOKING_REQUEST,
  dcsaBookingConfirmationMapping,
  dcsaBookingRequestMapping,
  dcsaBookingRequestRender,
} from './index';

/**
 * Test support: runs one golden case by its name. confirmation-* and request-* are DCSA
 * inputs mapped to canonical; render-* are canonical Bookings rendered to DCSA bodies.
 */
const golden = goldenFolder(join(__dirname, 'golden'));
export const { dir: goldenDir, read: readGolden, cases: goldenCases } = golden;

export const ctx: MappingContext = { partnerId: 'eglv-booking', receivedAt: '2026-03-12T07:00:00Z' };

/** Partner settings of the cases that use some. */
export const CASE_SETTINGS: Record<string, Record<string, unknown>> = {
  'confirmation-get-confirmed': { carrierName: 'Evergreen Marine Corp. (Taiwan) Ltd.' },
  'render-update-soc': {
    receiptTypeAtOrigin: 'SD',
    isPartialLoadAllowed: false,
    carrierCodeListProvider: 'SMDG',
  },
};

export const decoded = (messageType: string, tree: unknown, messageRef?: string): DecodedMessage => ({
  detection: { format: 'json', standard: 'DCSA', version: '2.0.0', messageType },
  messageRef,
  index: 0,
  tree,
});

export function render(name: string, booking: unknown) {
  const valid = validateDocument<Booking>('Booking', booking);
  const out = dcsaBookingRequestRender.render(valid, {
    ...ctx,
    settings: CASE_SETTINGS[name],
    controlRef: `CTL-${name}`,
  });
  return {
    contentType: out.contentType,
    messageType: out.messageType,
    messageRef: out.messageRef,
    body: JSON.parse(out.body.toString('utf8')) as unknown,
  };
}

/** The result of a case, as its .expected.json holds it. */
export function runCase(name: string, input: unknown): unknown {
  if (name.startsWith('render-')) return render(name, input);
  const caseCtx = { ...ctx, settings: CASE_SETTINGS[name] };
  const result = name.startsWith('confirmation-')
    ? dcsaBookingConfirmationMapping.toCanonical(decoded(DCSA_BOOKING_CONFIRMATION, input), caseCtx)
    : dcsaBookingRequestMapping.toCanonical(
        // request-new-*: a first request, with neither its own nor a transport reference.
        decoded(DCSA_BOOKING_REQUEST, input, name.startsWith('request-new-') ? undefined : `MSG-${name}`),
        caseCtx,
      );
  for (const doc of result.documents) validateDocument(doc.documentType, doc.payload);
  return result;
}
