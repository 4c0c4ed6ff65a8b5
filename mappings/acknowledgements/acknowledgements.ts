import type { Detection, FormatId, RenderedMessage } from '../../core/translation/contract';
import { offsetMinutes } from '../carrier-edifact/edifact-datetime';
import { buildContrl, contrlRejectingContent } from '../codecs/edifact';
import type { TranslationIssue } from '../pipeline/translate';
import { acknowledgeX12 } from '../x12-warehouse';
import { aperakRejecting } from './aperak-rejection';

/** What an acknowledgement answers and how it is numbered. */
export interface AckRequest {
  /** The received bytes, as stored. */
  raw: Buffer;
  detection: Detection;
  /** The first failure of the normalizer, when the message failed. */
  failure?: TranslationIssue;
  /** TradeHub's next interchange control number for the partner. */
  controlNumber: number;
  /** When the acknowledgement is made (ISO 8601). */
  at: string;
  partnerId: string;
  /** The partner's format-entry settings for this format (X12: the ISA/GS ids). */
  settings: Record<string, unknown>;
}

export type AckGenerator = (request: AckRequest) => RenderedMessage | null;

// UNB 0017/0019 carry no zone: they are written in the partner's zone (`timeZone` of its
// format settings), as IFTMIN writes them, so both our interchanges read alike to the partner.
function partnerLocal(at: string, settings: Record<string, unknown>): Date {
  const zone = typeof settings.timeZone === 'string' ? settings.timeZone : undefined;
  return new Date(Date.parse(at) + (zone ? offsetMinutes(zone, at) : 0) * 60_000);
}

// EDIFACT CONTRL (ISO 9735): syntax errors from the codec's generator, which finds them again
// in the raw bytes; content (mapping) failures rejected at the segment the mapping named,
// with an APERAK (application acknowledgement) instead for partners whose settings say
// `applicationAck: APERAK`.
const contrl: AckGenerator = (request) => {
  const controlRef = String(request.controlNumber);
  const options = { controlRef, preparedAt: partnerLocal(request.at, request.settings) };
  const failure = request.failure;
  const content = failure && (failure.stage === 'map' || failure.stage === 'validate');
  if (content && request.settings.applicationAck === 'APERAK') {
    const fault = {
      segmentIndex: failure.location?.segmentIndex,
      messageIndex: failure.messageIndex,
      code: failure.kind,
      message: failure.message,
    };
    return {
      body: aperakRejecting(request.raw, fault, options),
      contentType: 'application/EDIFACT',
      format: 'edifact',
      messageType: 'APERAK',
      messageRef: controlRef,
      fileName: `APERAK_${controlRef}.edi`,
    };
  }
  const body =
    failure?.stage === 'receive' && failure.code
      ? contrlRejectingContent(request.raw, { syntaxCode: failure.code }, options)
      : failure && (failure.stage === 'map' || failure.stage === 'validate')
        ? contrlRejectingContent(
            request.raw,
            { segmentIndex: failure.location?.segmentIndex, messageIndex: failure.messageIndex },
            options,
          )
        : buildContrl(request.raw, options);
  return {
    body,
    contentType: 'application/EDIFACT',
    format: 'edifact',
    messageType: 'CONTRL',
    messageRef: controlRef,
    fileName: `CONTRL_${controlRef}.edi`,
  };
};

// X12 997: AK5/AK9 from the syntax checks of the codec's build997, addressed with the
// partner's ISA/GS ids.
const functionalAck: AckGenerator = (request) => {
  // An interchange refused for its sender or recipient is not ours to accept in a 997.
  if (request.failure?.stage === 'receive') return null;
  const body = acknowledgeX12(request.raw, {
    settings: request.settings,
    partnerId: request.partnerId,
    controlNumber: request.controlNumber,
    at: request.at,
  });
  if (!body) return null;
  return {
    body,
    contentType: 'application/edi-x12',
    format: 'x12',
    messageType: '997',
    messageRef: String(request.controlNumber),
    fileName: `997_${request.controlNumber}.edi`,
  };
};

/** The standard acknowledgement of each format that has one, and the types never answered. */
const ACKNOWLEDGEMENTS: Partial<Record<FormatId, { generate: AckGenerator; never: string[] }>> = {
  edifact: { generate: contrl, never: ['CONTRL', 'APERAK'] },
  x12: { generate: functionalAck, never: ['997', '999', 'TA1'] },
};

/**
 * The generator answering what was received, or undefined when its format has no standard
 * acknowledgement or it is itself one (an acknowledgement is never acknowledged).
 */
export function acknowledgementFor(detection: Detection): AckGenerator | undefined {
  const entry = ACKNOWLEDGEMENTS[detection.format];
  if (!entry || entry.never.includes(detection.messageType ?? '')) return undefined;
  return entry.generate;
}
