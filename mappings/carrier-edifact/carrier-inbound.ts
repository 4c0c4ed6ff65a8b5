import type {
  InboundMapping,
  MappedDocument,
  MappingContext,
} from '../../core/translation/contract';
import type { EdifactMessage } from '../codecs/edifact';
import { lenientDates } from './edifact-datetime';
import { readCarrierSettings, type CarrierEdifactSettings } from './carrier-settings.schema';
import { readHeader, refuseCancellation, type MessageHeader } from './message-header';

/** What every carrier message mapping starts from. */
export interface CarrierInput {
  message: EdifactMessage;
  ctx: MappingContext;
  settings: CarrierEdifactSettings;
  header: MessageHeader;
  /** Collected into the result; a mapping adds what it left out or guessed. */
  warnings: string[];
  /** `warnings` when the partner's checks are lenient (for `readDtm`), else undefined. */
  lenient?: string[];
}

/**
 * An inbound mapping for one EDIFACT message type: reads the partner settings and the header,
 * refuses cancellations unless the message type maps them, then runs `map`.
 */
export function carrierInbound(
  id: string,
  messageType: string,
  map: (input: CarrierInput) => MappedDocument[],
  options: { mapsCancellations?: boolean } = {},
): InboundMapping<EdifactMessage> {
  return {
    id,
    format: 'edifact',
    messageTypes: [messageType],
    toCanonical(decoded, ctx) {
      const settings = readCarrierSettings(ctx);
      const warnings: string[] = [];
      const lenient = lenientDates(ctx, warnings);
      const header = readHeader(decoded.tree, settings.timeZone, lenient);
      if (!options.mapsCancellations) refuseCancellation(header, messageType);
      const documents = map({ message: decoded.tree, ctx, settings, header, warnings, lenient });
      return { documents, warnings };
    },
  };
}
