import type { PoolClient } from 'pg';
import { createEnvelope } from '../../../core/envelope/envelope';
import { enqueueEnvelope } from '../../../core/messaging/outbox';
import { collectRefs } from '../../../core/model/define-document';
import { insertDocuments } from '../../../core/storage/document.repository';
import type { DeclarationRow } from './clearance.repository';

export const CLEARANCE_CONNECTOR = 'clearance';

/**
 * Publishes a declaration's state change on RabbitMQ (through the outbox, in the caller's
 * transaction) as `clearance.export-declaration.<state>`, and stores it as a document so it
 * shows on the trade's timeline (/trades/:ref by order number or declaration reference).
 */
export async function publishDeclarationState(
  tx: PoolClient,
  row: DeclarationRow,
  occurredAt: string,
  note?: string,
): Promise<void> {
  const d = row.declaration;
  const envelope = createEnvelope({
    type: `clearance.export-declaration.${row.state.toLowerCase()}`,
    documentType: 'ExportDeclaration',
    version: '1',
    payload: { ...d, status: row.state, ...(note ? { remarks: note } : {}) },
    source: {
      partnerId: 'single-window',
      connector: CLEARANCE_CONNECTOR,
      transport: 'handler',
      format: 'canonical',
      messageType: 'ExportDeclaration',
    },
    refs: collectRefs({
      orderNo: row.orderNo,
      declarationNo: [d.entryId, d.preEntryId, row.clientRef],
      blNo: d.blNo,
      invoiceNo: d.invoiceNos,
    }),
    receivedAt: new Date().toISOString(),
    occurredAt,
    clientId: row.clientId ?? undefined,
  });
  await enqueueEnvelope(tx, envelope);
  await insertDocuments(tx, [{ envelope, messageId: null }]);
}
