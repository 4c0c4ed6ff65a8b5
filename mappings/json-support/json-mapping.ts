import type {
  DecodedMessage,
  InboundMapping,
  MappingContext,
} from '../../core/translation/contract';
import { JsonNode } from './json-node';

/** What a JSON mapping's reader gets: the tree as a located node, the message and context. */
export interface JsonReadInput {
  root: JsonNode;
  message: DecodedMessage;
  ctx: MappingContext;
  warnings: string[];
}

export interface JsonMappingSpec<T> {
  id: string;
  messageType: string;
  documentType: string;
  eventType: string;
  /** The canonical payloads of one message (failures throw located TradeErrors). */
  read(input: JsonReadInput): T[];
  /** When the business event happened, if the document says. */
  occurredAt(payload: T, ctx: MappingContext): string | undefined;
}

/** An InboundMapping for one partner JSON message type producing one document type. */
export function jsonMapping<T>(spec: JsonMappingSpec<T>): InboundMapping {
  return {
    id: spec.id,
    format: 'json',
    messageTypes: [spec.messageType],
    toCanonical(message, ctx) {
      const warnings: string[] = [];
      const root = JsonNode.root(message.tree, ctx.checks === 'lenient' ? warnings : undefined);
      const payloads = spec.read({ root, message, ctx, warnings });
      return {
        documents: payloads.map((payload) => ({
          documentType: spec.documentType,
          eventType: spec.eventType,
          payload,
          occurredAt: spec.occurredAt(payload, ctx),
        })),
        warnings,
      };
    },
  };
}
