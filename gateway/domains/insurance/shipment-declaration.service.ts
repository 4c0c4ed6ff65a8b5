import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { BillOfLading } from '../../../core/model/documents/logistics-document.schema';
import type {
  InsuranceShipmentDeclaration,
  InsurancePolicy,
} from '../../../core/model/documents/insurance.schema';
import type { Envelope } from '../../../core/envelope/envelope';
import type { EventEnvelope } from '../../../core/model/events';
import type { Logger } from '../../../core/logging/logger';
import type { Queryable } from '../../../core/storage/queryable';
import { inTransaction } from '../../../core/storage/database';
import { LOGGER } from '../../infra/tokens';
import { addDays } from '../calendar-days';
import { publishSettlementEvent } from '../settlement/settlement-events';
import { DueDeclarationsRepository, type DueDeclaration } from './due-declarations.repository';
import { InsuranceRepository, type InsuredInvoice } from './insurance.repository';
import { DEFAULT_OVERDUE, possibleLoss, useLimit } from './rules/credit-limits';
import { premium, rateFor } from './rules/premium';
import { declarationDeadline } from './rules/working-days';
import { SinosurePartner } from './sinosure-partner';

export const INSURANCE_CONNECTOR = 'insurance';

/**
 * Each invoice a B/L carries is recorded as a due shipment declaration once the goods are on
 * board (active policy, approved buyer limit), with its deadline; the scheduled run sends the
 * due ones nearest deadline first, one transaction each, so a Sinosure failure leaves that
 * declaration due for the next run. Sinosure keys declarations on the invoice number, so a
 * repeat after a lost commit is harmless.
 */
@Injectable()
export class ShipmentDeclarationService {
  constructor(
    private readonly repo: InsuranceRepository,
    private readonly dues: DueDeclarationsRepository,
    private readonly sinosure: SinosurePartner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onBoard(
    tx: PoolClient,
    envelope: EventEnvelope<'logistics.bill-of-lading.issued'>,
    clientId: string,
  ) {
    const bl = envelope.payload;
    if (!bl.shippedOnBoardDate) return;
    const policy = await this.repo.policyOn(tx, clientId, bl.shippedOnBoardDate);
    if (!policy) return;
    const cause = {
      id: envelope.id,
      correlationId: envelope.correlationId,
      source: envelope.source,
    };
    for (const invoiceNo of bl.invoiceNos ?? []) {
      if (await this.repo.declared(tx, clientId, invoiceNo)) continue;
      const invoice = await this.repo.invoice(tx, clientId, invoiceNo);
      const declaration = invoice && (await this.compose(tx, clientId, { bl, policy, invoice }));
      if (!declaration) continue;
      const deadline = declarationDeadline(declaration.shipmentDate, policy.declarationWorkingDays);
      await this.dues.insertDue(tx, clientId, {
        declaration,
        onBoardDate: declaration.shipmentDate,
        deadline,
        cause,
      });
    }
  }

  /** The declaration an invoice calls for, or undefined when the buyer or term is not covered. */
  private async compose(
    tx: PoolClient,
    clientId: string,
    { bl, policy, invoice }: { bl: BillOfLading; policy: InsurancePolicy; invoice: InsuredInvoice },
  ): Promise<(InsuranceShipmentDeclaration & { blNo: string }) | undefined> {
    const onBoard = bl.shippedOnBoardDate!;
    const limit = await this.repo.limitFor(tx, clientId, invoice.buyerName);
    if (limit?.status !== 'APPROVED') return undefined;
    const country = invoice.buyerCountry ?? bl.portOfDischarge.unLocode.slice(0, 2);
    const rate = rateFor(policy.rates, country, invoice.paymentTerm, invoice.creditDays);
    if (!rate) return undefined;
    const amount = { amount: invoice.amount, currency: invoice.currency };
    return {
      policyNo: policy.policyNo,
      buyer: { name: invoice.buyerName },
      buyerCode: limit.buyerCode,
      invoiceNo: invoice.invoiceNo,
      invoiceAmount: amount,
      shipmentDate: onBoard,
      dueDate: addDays(onBoard, invoice.creditDays),
      paymentTerm: invoice.paymentTerm,
      creditDays: invoice.creditDays,
      destinationCountry: country,
      blNo: bl.blNo,
      premiumRatePercent: rate,
      premium: premium(amount, rate),
    };
  }

  /** Sends every due declaration (nearest deadline first); returns the invoices sent. */
  async sendDue(pool: Pool, now: Date): Promise<string[]> {
    const sent: string[] = [];
    for (const key of await this.dues.due(pool)) {
      try {
        const done = await inTransaction(pool, (tx) => this.sendOne(tx, key, now));
        if (done) sent.push(key.invoiceNo);
      } catch (err) {
        // Left due: the next run tries again; the deadline shows whether it is still on time.
        this.logger.warn({ ...key, err: (err as Error).message }, 'shipment declaration not sent');
      }
    }
    return sent;
  }

  private async sendOne(
    tx: PoolClient,
    key: Pick<DueDeclaration, 'clientId' | 'invoiceNo'>,
    now: Date,
  ): Promise<boolean> {
    const due = await this.dues.lockDue(tx, key.clientId, key.invoiceNo);
    if (!due) return false;
    const {
      buyer: _buyer,
      premiumRatePercent: _rate,
      premium: _premium,
      ...request
    } = due.declaration;
    const answer = await this.sinosure.client().declareShipment({
      ...request,
      buyerCode: request.buyerCode ?? '',
      blNo: request.blNo,
    });
    const declaration: InsuranceShipmentDeclaration = {
      ...due.declaration,
      declarationRef: answer.declarationRef,
      declaredAt: now.toISOString(),
    };
    await this.dues.markSent(tx, key.clientId, declaration, now);
    await this.useLimit(tx, key.clientId, declaration);
    await publishSettlementEvent(tx, {
      type: 'insurance.shipment.declared',
      documentType: 'InsuranceShipmentDeclaration',
      payload: declaration,
      refs: {
        invoiceNo: [declaration.invoiceNo],
        blNo: declaration.blNo ? [declaration.blNo] : [],
        policyNo: [declaration.policyNo],
      },
      cause: due.cause as Envelope,
      clientId: key.clientId,
      connector: INSURANCE_CONNECTOR,
    });
    return true;
  }

  /** A declared shipment uses the buyer's limit up to what is free. */
  private async useLimit(tx: PoolClient, clientId: string, d: InsuranceShipmentDeclaration) {
    const limit = await this.repo.limitFor(tx, clientId, d.buyer.name);
    if (!limit || limit.currency !== d.invoiceAmount.currency) return;
    const { balance } = useLimit(
      {
        status: limit.status,
        approved: { amount: limit.approved, currency: limit.currency },
        used: { amount: limit.used, currency: limit.currency },
      },
      d.invoiceAmount,
    );
    await this.repo.setUsed(tx, clientId, d.buyer.name, balance.used.amount);
  }

  /**
   * Files the notice of possible loss for every declared invoice unpaid past the threshold on
   * `today`; each once (the notice number is kept). Returns the invoices reported.
   */
  async reportOverdue(db: Queryable, today: string, rule = DEFAULT_OVERDUE): Promise<string[]> {
    const out: string[] = [];
    for (const d of await this.repo.unpaid(db)) {
      const { overdueDays, report } = possibleLoss(d.dueDate, today, rule);
      if (!report) continue;
      try {
        const notice = await this.sinosure.client().reportPossibleLoss({
          policyNo: d.declaration.policyNo,
          buyerCode: d.declaration.buyerCode ?? '',
          invoiceNos: [d.invoiceNo],
          dueDate: d.dueDate,
          overdueAmount: d.declaration.invoiceAmount,
          overdueDays,
          cause: 'DEFAULT',
        });
        await this.repo.reported(db, d.clientId, d.invoiceNo, notice.noticeNo ?? 'FILED');
        out.push(d.invoiceNo);
      } catch (err) {
        // Not reported: the next run files it (the notice stays due until it is filed).
        this.logger.warn(
          { clientId: d.clientId, invoiceNo: d.invoiceNo, err: (err as Error).message },
          'possible-loss notice not filed',
        );
      }
    }
    return out;
  }
}
