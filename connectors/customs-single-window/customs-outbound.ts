import { TradeError } from '../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import type { RenderedMessage } from '../../core/translation/contract';
import type { CebMessageInput } from '../../mappings/codecs/cn-customs/ceb-write';
import type { PreparedCeb } from '../../mappings/cn-customs-outbound';

export const CUSTOMS_CONNECTOR = 'customs-single-window';

/** A prepared (signed, schema-checked) CEB in its DXP envelope, as an outbound message. */
export function renderedDxp(p: PreparedCeb): RenderedMessage {
  return {
    body: p.dxp,
    contentType: 'application/xml',
    format: 'cn-customs',
    messageType: p.messageType,
    // The DXP CopMsgId: the exchange's DxpRep quotes it.
    messageRef: p.guid,
    fileName: p.fileName,
  };
}

/** The guid of each business record: the record's own, or its *Head's (Inventory/InventoryHead). */
export function recordGuids(input: CebMessageInput): string[] {
  return Object.values(input.business).flatMap((records) =>
    records.flatMap((record) => {
      if (typeof record.guid === 'string') return [record.guid];
      const head = Object.entries(record).find(([name]) => name.endsWith('Head'))?.[1];
      return head &&
        !Array.isArray(head) &&
        typeof head === 'object' &&
        typeof head.guid === 'string'
        ? [head.guid]
        : [];
    }),
  );
}

/**
 * The transport a customs partner's files leave by: its first `folder` or `sftp` entry that
 * sends. A partner of another connector, or without one, is a configuration error naming it.
 */
export function customsSendingTransport(partner: PartnerRecord): PartnerTransport {
  const fail = (why: string) =>
    new TradeError('config', `partner ${partner.id} ${why}`, {
      stage: 'deliver',
      code: 'customs-transport',
    });
  if (partner.connector !== CUSTOMS_CONNECTOR) throw fail(`is not a ${CUSTOMS_CONNECTOR} partner`);
  const transport = partner.transports.find(
    (t) => (t.kind === 'folder' || t.kind === 'sftp') && t.direction !== 'in',
  );
  if (!transport) throw fail('has no folder or sftp transport that sends');
  return transport;
}
