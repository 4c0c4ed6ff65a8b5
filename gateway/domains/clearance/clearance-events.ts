import type { PoolClient } from 'pg';
import { createEnvelope } from '../../../core/envelope/envelope';
import { enqueueEnvelope } from '../../../core/messaging/outbox';
import { collectRefs } from '../../../core/model/define-document';
import { insertDocuments } from '../../../core/storage/document.repository';
import type { SummaryDeclaration } from '../../../core/model/documents/customs-inventory.schema';
import type { DeclarationRow } from './clearance.repository';

export const CLEARANCE_CONNECTOR = 'clearance';

/** The trade references of a declaration: its order, its numbers, B/L and invoices. */
export function declarationRefs(row: DeclarationRow) {
  const d = row.declaration;
  return collectRefs({
    orderNo: row.orderNo,
    declarationNo: [d.entryId, d.preEntryId, row.clientRef],
    blNo: d.blNo,
    invoiceNo: d.invoiceNos,
  });
}

/**
 * Publishes a declaration's state change on RabbitMQ (through the outbox, in the caller's
 * transaction) as `clearance.export-declaration.<state>` (`clearance.import-declaration.<state>`
 * for an import declaration or a 1210 bonded import), and stores it as a document so it shows
 * on the trade's timeline (/trades/:ref by order number or declaration reference).
 */
export async function publishDeclarationState(
  tx: PoolClient,
  row: DeclarationRow,
  occurredAt: string,
  note?: string,
): Promise<void> {
  const d = row.declaration;
  // An import declaration has a consignee; a 1210 bonded import keeps the export header shape
  // but is an import too: its events say so, so export-side consumers (rebates) never take it.
  const [direction, documentType] =
    'consignee' in d
      ? ['import', 'ImportDeclaration']
      : [row.supervisionMode === '1210' ? 'import' : 'export', 'ExportDeclaration'];
  const envelope = createEnvelope({
    type: `clearance.${direction}-declaration.${row.state.toLowerCase()}`,
    documentType,
    version: '1',
    payload: { ...d, status: row.state, ...(note ? { remarks: note } : {}) },
    source: {
      partnerId: 'single-window',
      connector: CLEARANCE_CONNECTOR,
      transport: 'handler',
      format: 'canonical',
      messageType: documentType,
    },
    refs: declarationRefs(row),
    receivedAt: new Date().toISOString(),
    occurredAt,
    clientId: row.clientId ?? undefined,
  });
  await enqueueEnvelope(tx, envelope);
  await insertDocuments(tx, [{ envelope, messageId: null }]);
}

/** A summary's state as its event names it: `clearance.summary.<state>`. */
export type SummaryEventState = 'DECLARED' | 'ENTERED' | 'RELEASED' | 'REJECTED';

/**
 * Publishes a CEB701 summary's state (`clearance.summary.declared` when filed, then one per
 * state its receipts move it to) and files it with the orders of its lists and its numbers, so
 * it shows on each of those trades' timelines (/trades/:ref) beside the lists' own events.
 */
export async function publishSummaryState(
  tx: PoolClient,
  s: {
    state: SummaryEventState;
    payload: SummaryDeclaration;
    orderNos: string[];
    clientId: string | null;
  },
  occurredAt: string,
): Promise<void> {
  const envelope = createEnvelope({
    type: `clearance.summary.${s.state.toLowerCase()}`,
    documentType: 'SummaryDeclaration',
    version: '1',
    payload: s.payload,
    source: {
      partnerId: 'single-window',
      connector: CLEARANCE_CONNECTOR,
      transport: 'handler',
      format: 'canonical',
      messageType: 'SummaryDeclaration',
    },
    refs: collectRefs({
      orderNo: s.orderNos,
      declarationNo: [s.payload.clientRef, ...s.payload.inventoryNos],
    }),
    receivedAt: new Date().toISOString(),
    occurredAt,
    clientId: s.clientId ?? undefined,
  });
  await enqueueEnvelope(tx, envelope);
  await insertDocuments(tx, [{ envelope, messageId: null }]);
}
