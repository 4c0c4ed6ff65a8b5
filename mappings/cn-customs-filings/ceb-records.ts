import { TradeError } from '../../core/errors/trade-error';
import { getDocumentDefinition, type DocumentTypeName } from '../../core/model';
import type {
  DecodedMessage,
  InboundMapping,
  MappedDocument,
  MappingResult,
} from '../../core/translation/contract';
import type { CebMessage } from '../codecs/cn-customs/ceb-types';
import { CebFields } from './ceb-fields';

export interface CebDocument {
  documentType: string;
  eventType: string;
  payload: object;
  occurredAt?: string;
}

/**
 * Maps every business element of a CEB message (one Order, Inventory, Logistics ... each) with
 * `one`. A record that cannot be read is left out with its error as a warning, so one bad parcel
 * does not hide the others; when none maps, the first error is the message's.
 */
export function mapCebRecords(
  tree: CebMessage,
  element: string,
  one: (fields: CebFields) => CebDocument,
): MappingResult {
  const documents: MappedDocument[] = [];
  const errors: TradeError[] = [];
  const warnings: string[] = [];
  (tree.business[element] ?? []).forEach((rec, i) => {
    const fields = new CebFields(rec, `/${tree.messageType}Message/${element}[${i + 1}]`, []);
    try {
      documents.push(one(fields));
      warnings.push(...fields.warnings);
    } catch (err) {
      errors.push(TradeError.from(err, 'mapping', 'map'));
    }
  });
  if (documents.length === 0) {
    throw (
      errors[0] ??
      new TradeError('mapping', `no ${element}`, {
        stage: 'map',
        location: { xpath: `/${tree.messageType}Message` },
      })
    );
  }
  const failed = errors.map((e) => `${e.location?.xpath ?? ''}: ${e.message}`);
  return { documents, warnings: [...failed, ...warnings] };
}

/** A document with its type's default event, happening when `occurredAt` says. */
export function cebDocument(
  documentType: DocumentTypeName,
  payload: object,
  occurredAt: string,
): CebDocument {
  const eventType = getDocumentDefinition(documentType).defaultEventType;
  return { documentType, eventType, payload, occurredAt };
}

/**
 * An inbound mapping of CEB filings: each `element` of the message (per message type) mapped by
 * `one`, which is also told the message type (export and import variants share a mapping).
 */
export function cebFilingMapping(
  id: string,
  elements: Readonly<Record<string, string>>,
  one: (fields: CebFields, messageType: string) => CebDocument,
): InboundMapping<CebMessage> {
  return {
    id,
    format: 'cn-customs',
    messageTypes: Object.keys(elements),
    toCanonical(message: DecodedMessage<CebMessage>): MappingResult {
      const type = message.tree.messageType;
      return mapCebRecords(message.tree, elements[type], (fields) => one(fields, type));
    },
  };
}
