import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { BillOfLading } from '../../../core/model/documents/logistics-document.schema';
import type {
  InsuranceShipmentDeclaration,
  InsurancePolicy,
} from '../../../core/model/documents/insurance.schema';
import type { EventEnvelope } from '../../../core/model/events';
import type { Queryable } from '../../../core/storage/queryable';
import type { PartnerRegistry } from '../../../core/partners/partner-registry';
import { TradeError } from '../../../core/errors/trade-error';
import { SinosureClient } from '../../../connectors/insurer-sinosure';
import { SinosureSettingsSchema } from '../../../connectors/insurer-sinosure';
import { PARTNER_REGISTRY } from '../../partners/partners.tokens';
import { addDays } from '../calendar-days';
import { publishSettlementEvent } from '../settlement/settlement-events';
import { InsuranceRepository, type InsuredInvoice } from './insurance.repository';
import { DEFAULT_OVERDUE, possibleLoss, useLimit } from './rules/credit-limits';
import { premium, rateFor } from './rules/premium';
import { declarationDeadline } from './rules/working-days';

export const INSURANCE_CONNECTOR = 'insurance';

/**
 * Declares each invoice a B/L carries to the insurer once the goods are on board, when the
 * client holds an active policy and an approved limit for the buyer. The call is made inside
 * the handler's transaction: a failure rolls back and the envelope is retried, and Sinosure
 * keys declarations on the invoice number, so a repeat after a lost commit is harmless.
 */
@Injectable()
export class ShipmentDeclarationService {
  constructor(
    private readonly repo: InsuranceRepository,
    @Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry,
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
    for (const invoiceNo of bl.invoiceNos ?? []) {
      if (await this.repo.declared(tx, clientId, invoiceNo)) continue;
      const invoice = await this.repo.invoice(tx, clientId, invoiceNo);
      if (invoice) await this.declare(tx, envelope, clientId, { bl, policy, invoice });
    }
  }

  private async declare(
    tx: PoolClient,
    cause: EventEnvelope<'logistics.bill-of-lading.issued'>,
    clientId: string,
    { bl, policy, invoice }: { bl: BillOfLading; policy: InsurancePolicy; invoice: InsuredInvoice },
  ) {
    const onBoard = bl.shippedOnBoardDate!;
    const limit = await this.repo.limitFor(tx, clientId, invoice.buyerName);
    if (limit?.status !== 'APPROVED') return;
    const country = invoice.buyerCountry ?? bl.portOfDischarge.unLocode.slice(0, 2);
    const rate = rateFor(policy.rates, country, invoice.paymentTerm, invoice.creditDays);
    if (!rate) return;
    const amount = { amount: invoice.amount, currency: invoice.currency };
    const request = {
      policyNo: policy.policyNo,
      buyerCode: limit.buyerCode,
      invoiceNo: invoice.invoiceNo,
      invoiceAmount: amount,
      shipmentDate: onBoard,
      dueDate: addDays(onBoard, invoice.creditDays),
      paymentTerm: invoice.paymentTerm,
      creditDays: invoice.creditDays,
      destinationCountry: country,
      blNo: bl.blNo,
    };
    const answer = await this.client().declareShipment(request);
    const declaration: InsuranceShipmentDeclaration = {
      ...request,
      buyer: { name: invoice.buyerName },
      declarationRef: answer.declarationRef,
      premiumRatePercent: rate,
      premium: premium(amount, rate),
      declaredAt: new Date().toISOString(),
    };
    const deadline = declarationDeadline(onBoard, policy.declarationWorkingDays ?? 5);
    await this.repo.insertDeclaration(tx, clientId, {
      ...declaration,
      onBoardDate: onBoard,
      deadline,
      blNo: bl.blNo,
      declaration,
    });
    const { balance } = useLimit(
      {
        status: 'APPROVED',
        approved: { amount: limit.approved, currency: limit.currency },
        used: { amount: limit.used, currency: limit.currency },
      },
      amount,
    );
    await this.repo.setUsed(tx, clientId, invoice.buyerName, balance.used.amount);
    await publishSettlementEvent(tx, {
      type: 'insurance.shipment.declared',
      documentType: 'InsuranceShipmentDeclaration',
      payload: declaration,
      refs: { invoiceNo: [invoice.invoiceNo], blNo: [bl.blNo], policyNo: [policy.policyNo] },
      cause,
      clientId,
      connector: INSURANCE_CONNECTOR,
    });
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
      const notice = await this.client().reportPossibleLoss({
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
    }
    return out;
  }

  private client(): SinosureClient {
    const partner = this.partners.list().find((p) => p.connector === 'insurer-sinosure');
    const raw = partner?.transports?.find((t) => t.kind === 'sinosure-api');
    if (!partner || !raw) {
      throw new TradeError('config', 'no partner with an insurer-sinosure sinosure-api transport', {
        stage: 'deliver',
      });
    }
    return new SinosureClient(SinosureSettingsSchema.parse(raw));
  }
}
