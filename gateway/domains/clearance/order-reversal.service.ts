import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import type { Booking } from '../../../core/model/documents/logistics-booking.schema';
import { clientKey } from '../../auth/client-scope';
import { ClearanceRepository, type DeclarationRow } from './clearance.repository';
import { declarationRefs, publishDeclarationState } from './clearance-events';
import { orderLockKey, REVERSAL_SOURCE, type ClientProfile } from './clearance.service';
import { bondedCancellationFor } from './bonded-import-messages';
import { BONDED_IMPORT_MODE } from './rules/bonded-import-draft';
import { CLEARANCE_SETTINGS, type ClearanceSettings } from './clearance.settings';
import { cancellationFor } from './ecommerce-messages';
import { reversalFor, type ReversalKind } from './rules/order-reversal';
import { CustomsOutbox } from './customs-outbox';

/** Why the list is withdrawn, as customs reads it (CEB605 reason). */
const reasonOf = (kind: ReversalKind, order: SalesOrder) =>
  `订单${kind === 'cancelled' ? '取消' : '退货'} order ${kind} (${order.rawStatus?.code ?? order.status})`;

/**
 * Reverses the customs work of a cancelled or returned order: a draft is cancelled, a declared
 * list withdrawn by CEB605 once, a released one left to an operator by an alert. Each state
 * change is published like the others; a repeated event finds the state moved and does nothing.
 */
@Injectable()
export class OrderReversalService {
  constructor(
    @Inject(CLEARANCE_SETTINGS) private readonly settings: ClearanceSettings,
    private readonly outbox: CustomsOutbox,
    private readonly repo: ClearanceRepository,
  ) {}

  async onReversal(
    tx: PoolClient,
    kind: ReversalKind,
    envelope: Envelope<SalesOrder>,
  ): Promise<void> {
    const key = clientKey(envelope.clientId);
    const order = envelope.payload;
    await tx.query('SELECT pg_advisory_xact_lock($1)', [orderLockKey(key, order.orderNo)]);
    const row = await this.repo.lockByOrder(tx, key, order.orderNo);
    const decided = reversalFor(kind, row);
    const now = new Date().toISOString();
    const reason = reasonOf(kind, order);
    if (decided.action === 'cancel-draft') {
      await this.repo.saveSources(tx, [
        {
          clientKey: key,
          clientId: envelope.clientId ?? null,
          orderNo: order.orderNo,
          documentType: REVERSAL_SOURCE,
          payload: { kind, reason, at: envelope.occurredAt },
          envelopeId: envelope.id,
          at: envelope.occurredAt,
        },
      ]);
      if (row) await this.move(tx, row, 'CANCELLED', now, reason);
    } else if (decided.action === 'cancel-list') {
      const cancelling = await this.move(tx, row!, 'CANCELLING', now, reason);
      // Without the list number customs gave (CEB604) there is nothing to name yet: the
      // receipts poller sends the withdrawal when it arrives.
      if (cancelling.inventoryNo) await this.sendCancellation(tx, cancelling);
    } else if (decided.action === 'note') {
      await this.repo.addHistory(tx, row!.id, row!.state, row!.state, now, decided.note);
    } else if (decided.action === 'alert') {
      await this.repo.raiseAlert(tx, {
        clientKey: key,
        clientId: row!.clientId,
        declarationId: row!.id,
        kind: 'ORDER_REVERSED_AFTER_RELEASE',
        dedupKey: `reversal:${row!.id}:${kind}`,
        detail: {
          orderNo: order.orderNo,
          kind,
          state: row!.state,
          clientRef: row!.clientRef,
          inventoryNo: row!.inventoryNo,
          todo: decided.todo,
        },
      });
    }
  }

  /** Sends the CEB605 (export) or CEB623 (1210 import) of a CANCELLING declaration once (the row is locked by the caller). */
  async sendCancellation(tx: PoolClient, row: DeclarationRow): Promise<void> {
    if (row.cancellationGuid || !row.inventoryNo || row.state !== 'CANCELLING') return;
    const src = await this.repo.sources(tx, row.clientKey, row.orderNo);
    const listed = { ...row, inventoryNo: row.inventoryNo };
    const order = src.SalesOrder as SalesOrder;
    const reason = row.reason ?? 'order cancelled';
    // A 1210 import list is withdrawn by CEB623, an export list by CEB605.
    const setup =
      row.supervisionMode === BONDED_IMPORT_MODE
        ? (await this.repo.client<ClientProfile>(tx, row.clientKey))?.bondedImport
        : undefined;
    const message = setup
      ? bondedCancellationFor(listed, order, setup, this.settings, reason)
      : cancellationFor(listed, order, src.Booking as Booking, this.settings, reason);
    const [sent] = await this.outbox.file(tx, [message], {
      clientId: row.clientId,
      refs: declarationRefs(row),
    });
    await this.repo.update(tx, row.id, {
      cancellationGuid: sent.guid,
      cancellationRecordGuid: sent.recordGuids[0] ?? null,
    });
    const at = new Date().toISOString();
    await this.repo.addHistory(
      tx,
      row.id,
      row.state,
      row.state,
      at,
      `sent ${sent.messageType} ${sent.fileName}`,
    );
  }

  private async move(
    tx: PoolClient,
    row: DeclarationRow,
    state: 'CANCELLING' | 'CANCELLED',
    at: string,
    reason: string,
  ): Promise<DeclarationRow> {
    await this.repo.update(tx, row.id, { state, stateAt: at, reason });
    await this.repo.addHistory(tx, row.id, row.state, state, at, reason);
    const moved = { ...row, state, stateAt: at, reason };
    await publishDeclarationState(tx, moved, at, reason);
    return moved;
  }
}
