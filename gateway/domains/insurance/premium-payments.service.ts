import Decimal from 'decimal.js';
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { EventEnvelope } from '../../../core/model/events';
import type { Money } from '../../../core/model/values/money.schema';
import type { Principal } from '../../auth/principal';
import { actingClient, scopeOf } from '../../auth/client-scope';
import { PremiumBillsRepository } from './premium-bills.repository';
import { premiumPayments, type DebitLine, type PremiumPayment } from './rules/premium-bill';

/** A premium bill goes from billed to paid: by the bank debit that names it, or an operator. */
@Injectable()
export class PremiumPaymentsService {
  constructor(private readonly repo: PremiumBillsRepository) {}

  /** Booked debits on the client's statement that pay its open bills (once each). */
  async fromStatement(tx: PoolClient, e: EventEnvelope<'settlement.statement.received'>) {
    const lines: DebitLine[] = e.payload.entries.map((l, i) => ({
      ...l,
      texts: [l.remittanceInfo, l.supplementaryDetails, l.endToEndId, l.accountOwnerRef].filter(
        (t): t is string => !!t,
      ),
      ref: l.bankRef ?? l.endToEndId ?? l.entryRef ?? `${e.payload.statementId}#${i + 1}`,
    }));
    if (!lines.some((l) => l.creditDebit === 'DEBIT')) return;
    const bills = await this.repo.unpaid(tx, e.clientId ?? null);
    for (const { bill, line } of premiumPayments(lines, bills)) {
      await this.repo.markPaid(tx, bill, {
        // A value date of a mainland account is a China date.
        paidAt: `${line.valueDate}T00:00:00+08:00`,
        amount: line.amount,
        paymentRef: line.ref,
        paidBy: `bank:${e.payload.statementId}`,
      });
    }
  }

  /** An operator records the payment; the same payment again answers the bill as it is. */
  async byOperator(
    tx: PoolClient,
    principal: Principal,
    billNo: string,
    p: { paidAt: string; amount: Money; paymentRef: string },
  ) {
    // A staff key needs the operator role before anything is looked up.
    actingClient(principal);
    const [bill] = await this.repo.unpaid(tx, scopeOf(principal), billNo);
    if (!bill) return undefined;
    actingClient(principal, bill.clientId);
    const payment: PremiumPayment = { ...p, paidBy: `operator:${principal.name}` };
    if (
      p.amount.currency !== bill.total.currency ||
      !new Decimal(p.amount.amount).eq(bill.total.amount)
    )
      throw new BadRequestException(
        `bill ${billNo} is ${bill.total.currency} ${bill.total.amount}; paid ${p.amount.currency} ${p.amount.amount}`,
      );
    if (bill.state === 'PAID') {
      const [paid] = (await this.repo.list(tx, bill.clientId, bill.period)).filter(
        (b) => b.billNo === billNo,
      );
      if (paid?.paymentRef === p.paymentRef) return paid;
      throw new ConflictException(`bill ${billNo} is paid already (${String(paid?.paymentRef)})`);
    }
    await this.repo.markPaid(tx, bill, payment);
    return (await this.repo.list(tx, bill.clientId, bill.period)).find((b) => b.billNo === billNo);
  }
}
