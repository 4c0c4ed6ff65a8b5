import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { DeclarationReceipt } from '../../../core/model/documents/customs-declaration.schema';
import { inTransaction } from '../../../core/storage/database';
import { MessageRepository } from '../../../core/storage/message.repository';
import { PG_POOL } from '../../infra/tokens';
import { ClearanceRepository, type DeclarationRow } from './clearance.repository';
import { publishDeclarationState } from './clearance-events';
import { CLEARANCE_SETTINGS, type ClearanceSettings } from './clearance.settings';
import type { ClientProfile } from './clearance.service';
import { OrderReversalService } from './order-reversal.service';
import { applyReceipt } from './rules/declaration-state';
import { expiringSoon } from './rules/qualification';
import { SubmissionRepository, type SubmissionRow } from './submission.repository';
import { SummaryRepository } from './summary.repository';
import { SummaryService } from './summary.service';

/** The summary states a receipt can move a CEB701 to, which each have an event. */
const SUMMARY_EVENTS = new Set(['DECLARED', 'ENTERED', 'RELEASED', 'REJECTED'] as const);
const isSummaryEvent = (s: string): s is 'DECLARED' | 'ENTERED' | 'RELEASED' | 'REJECTED' =>
  SUMMARY_EVENTS.has(s as 'DECLARED');

/**
 * Applies the Single Window's receipts (they arrive as `clearance.declaration.receipt` events:
 * the customs partner's poller stored the file, the normalizer mapped it): each follows the
 * outbound message it answers until a final receipt, and moves the declaration or summary
 * along its state machine (never back on a late receipt). A timer raises the time-based
 * alerts: receipts overdue, registrations expiring.
 */
@Injectable()
export class ReceiptsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLEARANCE_SETTINGS) private readonly settings: ClearanceSettings,
    private readonly repo: ClearanceRepository,
    private readonly reversals: OrderReversalService,
    private readonly summaries: SummaryRepository,
    private readonly summaryService: SummaryService,
    private readonly submissions: SubmissionRepository,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running = this.checkAlerts()
        .catch(() => undefined)
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.settings.pollMs);
        });
    };
    this.timer = setTimeout(tick, this.settings.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Raises the alerts that time brings: receipts overdue, registrations expiring. */
  async checkAlerts(now = new Date()): Promise<void> {
    await this.overdue(now);
    await this.expiring(now);
  }

  /** Applies one receipt in its own transaction (operators' and tests' entry point). */
  async apply(receipt: DeclarationReceipt): Promise<void> {
    await inTransaction(this.pool, (tx) => this.applyIn(tx, receipt));
  }

  /**
   * Applies one receipt in the caller's transaction: to the outbound message it answers, then
   * to the declaration or summary, keeping it whatever the decision.
   */
  async applyIn(tx: PoolClient, receipt: DeclarationReceipt): Promise<void> {
    const tracked = await this.submissions.track(tx, receipt);
    if (tracked?.finalNow) await this.settleMessage(tx, tracked.submission, receipt);
    const row = receipt.guid ? await this.repo.lockByGuid(tx, receipt.guid) : undefined;
    if (!row) {
      await this.applyToSummary(tx, receipt);
      return;
    }
    if (receipt.guid === row.cancellationGuid || receipt.guid === row.cancellationRecordGuid) {
      await this.applyCancellation(tx, row, receipt);
      return;
    }
    await this.learnInventoryNo(tx, row, receipt);
    if (await this.refusedWhileCancelling(tx, row, receipt)) return;
    // CEB receipts quote the record guid, DxpRep the message guid: both are this submission.
    const decision = applyReceipt(
      {
        state: row.state,
        submissionGuid: row.submissionGuid ?? undefined,
        stateAt: row.stateAt ?? undefined,
      },
      { ...receipt, guid: row.submissionGuid ?? receipt.guid },
    );
    await this.repo.addReceipt(tx, {
      declarationId: row.id,
      guid: receipt.guid,
      receipt,
      applied: decision.applied,
      why: decision.applied ? undefined : decision.why,
    });
    if (!decision.applied) return;
    const p = decision.progress;
    const back = p.state === 'DRAFT';
    await this.repo.update(tx, row.id, {
      state: p.state,
      stateAt: p.stateAt ?? null,
      reason: p.reason ?? null,
      ...(back ? { submissionGuid: null, recordGuid: null } : {}),
      ...(receipt.entryId ? { declaration: { ...row.declaration, entryId: receipt.entryId } } : {}),
    });
    const note = `${receipt.messageType} ${receipt.returnStatus} ${receipt.returnStatusMeaning}${p.reason ? `: ${p.reason}` : ''}`;
    await this.repo.addHistory(
      tx,
      row.id,
      decision.previous,
      p.state,
      p.stateAt ?? receipt.returnTime,
      note,
    );
    await publishDeclarationState(tx, { ...row, state: p.state }, receipt.returnTime, note);
  }

  /**
   * The final receipt of a message TradeHub filed settles the stored outbound message:
   * `acknowledged` when customs released or closed it, `rejected-by-partner` with the reason
   * otherwise, so the message list shows what became of each file.
   */
  private async settleMessage(tx: PoolClient, s: SubmissionRow, r: DeclarationReceipt) {
    const accepted = r.outcome === 'RELEASED' || r.outcome === 'CLOSED';
    await new MessageRepository().setState(
      tx,
      s.messageId,
      accepted ? 'acknowledged' : 'rejected-by-partner',
      {
        stage: 'deliver',
        reason: `${r.messageType} ${r.returnStatus} ${r.returnStatusMeaning}${r.returnInfo ? `: ${r.returnInfo}` : ''}`,
        detail: { guid: r.guid, returnStatus: r.returnStatus, outcome: r.outcome },
      },
    );
  }

  /** A CEB701 summary's receipts move the summary, kept here without a declaration. */
  private async applyToSummary(tx: PoolClient, receipt: DeclarationReceipt): Promise<void> {
    const moved =
      receipt.guid === undefined
        ? undefined
        : await this.summaries.applyReceipt(tx, receipt.guid, receipt.outcome);
    await this.repo.addReceipt(tx, {
      declarationId: null,
      guid: receipt.guid,
      receipt,
      applied: moved !== undefined,
      why: moved ? 'summary declaration' : 'no declaration',
    });
    const state = moved?.summary.state;
    if (!moved || !state || state === moved.previous || !isSummaryEvent(state)) return;
    const note = `${receipt.messageType} ${receipt.returnStatus} ${receipt.returnStatusMeaning}${receipt.returnInfo ? `: ${receipt.returnInfo}` : ''}`;
    await this.summaryService.publish(tx, moved.summary, state, receipt.returnTime, note);
  }

  /**
   * Keeps the list number customs gave the list (CEB604 invtNo, whatever the receipt decides):
   * CEB605 and CEB701 name it. A cancellation waiting for it is sent now.
   */
  private async learnInventoryNo(tx: PoolClient, row: DeclarationRow, r: DeclarationReceipt) {
    const lists = ['CEB603', 'CEB621'];
    if (!r.inventoryNo || row.inventoryNo || !lists.includes(r.messageType ?? '')) return;
    await this.repo.update(tx, row.id, { inventoryNo: r.inventoryNo });
    row.inventoryNo = r.inventoryNo;
    await this.reversals.sendCancellation(tx, row);
  }

  /**
   * Customs refused the list of an order cancelled before it was numbered: there is nothing to
   * withdraw, the declaration is CANCELLED without a CEB605.
   */
  private async refusedWhileCancelling(
    tx: PoolClient,
    row: DeclarationRow,
    r: DeclarationReceipt,
  ): Promise<boolean> {
    const refused = r.outcome === 'REJECTED' || r.outcome === 'RETURNED' || r.outcome === 'ERROR';
    if (row.state !== 'CANCELLING' || row.cancellationGuid || !refused) return false;
    const note = `${r.messageType} ${r.returnStatus} ${r.returnStatusMeaning}: list refused, nothing to withdraw`;
    await this.repo.addReceipt(tx, {
      declarationId: row.id,
      guid: r.guid,
      receipt: r,
      applied: true,
    });
    await this.repo.update(tx, row.id, { state: 'CANCELLED', stateAt: r.returnTime });
    await this.repo.addHistory(tx, row.id, row.state, 'CANCELLED', r.returnTime, note);
    await publishDeclarationState(tx, { ...row, state: 'CANCELLED' }, r.returnTime, note);
    return true;
  }

  /**
   * A receipt of the CEB605 withdrawal: released (800) or closed means customs withdrew the
   * list, the order's declaration is CANCELLED; a refusal is an operator alert with the reason.
   */
  private async applyCancellation(tx: PoolClient, row: DeclarationRow, r: DeclarationReceipt) {
    const done = r.outcome === 'RELEASED' || r.outcome === 'CLOSED';
    const refused = r.outcome === 'REJECTED' || r.outcome === 'ERROR' || r.outcome === 'RETURNED';
    const applied = done && row.state === 'CANCELLING';
    await this.repo.addReceipt(tx, {
      declarationId: row.id,
      guid: r.guid,
      receipt: r,
      applied,
      why: applied
        ? undefined
        : `${r.messageType} ${r.returnStatus} with the declaration ${row.state}`,
    });
    const note = `${r.messageType} ${r.returnStatus} ${r.returnStatusMeaning}${r.returnInfo ? `: ${r.returnInfo}` : ''}`;
    if (applied) {
      await this.repo.update(tx, row.id, { state: 'CANCELLED', stateAt: r.returnTime });
      await this.repo.addHistory(tx, row.id, row.state, 'CANCELLED', r.returnTime, note);
      await publishDeclarationState(tx, { ...row, state: 'CANCELLED' }, r.returnTime, note);
    } else if (refused) {
      await this.repo.raiseAlert(tx, {
        clientKey: row.clientKey,
        clientId: row.clientId,
        declarationId: row.id,
        kind: 'CANCELLATION_REFUSED',
        dedupKey: `cancellation:${row.id}:${r.returnStatus}:${r.returnTime}`,
        detail: {
          clientRef: row.clientRef,
          inventoryNo: row.inventoryNo,
          why: note,
          todo: 'customs refused to withdraw the list: settle it with customs before the goods leave',
        },
      });
    }
  }

  private async overdue(now: Date): Promise<void> {
    const since = new Date(now.getTime() - this.settings.receiptOverdueMs);
    for (const row of await this.repo.overdue(this.pool, since)) {
      await this.repo.raiseAlert(this.pool, {
        clientKey: row.clientKey,
        clientId: row.clientId,
        declarationId: row.id,
        kind: 'RECEIPT_OVERDUE',
        dedupKey: `overdue:${row.id}:${row.state}:${row.stateAt ?? row.submittedAt}`,
        detail: {
          state: row.state,
          since: row.stateAt ?? row.submittedAt,
          clientRef: row.clientRef,
        },
      });
    }
  }

  private async expiring(now: Date): Promise<void> {
    const date = now.toISOString().slice(0, 10);
    for (const { clientKey, profile } of await this.repo.clients<ClientProfile>(this.pool)) {
      const alerts = expiringSoon(
        { clientId: clientKey, uscc: '', name: profile.party.name, ...profile.qualification },
        date,
        this.settings.expiryWarningDays,
      );
      for (const a of alerts) {
        await this.repo.raiseAlert(this.pool, {
          clientKey,
          clientId: clientKey || null,
          kind: 'REGISTRATION_EXPIRING',
          dedupKey: `expiry:${clientKey}:${a.what}:${a.validUntil}`,
          detail: a,
        });
      }
    }
  }
}
