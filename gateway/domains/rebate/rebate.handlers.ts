import type { EventEnvelope } from '../../../core/model/events';
import type { EnvelopeContext } from '../../messaging/envelope-transport/envelope-context';
import {
  EnvelopeHandlers,
  OnEvent,
} from '../../messaging/envelope-transport/envelope-handlers.decorator';
import { ClaimsService } from './claims.service';
import { RebateRepository } from './rebate.repository';
import { VatInvoiceRepository } from './vat-invoice.repository';

/** Rebate readiness: declarations filed, released and closed by customs, FX collected. */
@EnvelopeHandlers('rebate')
export class RebateHandler {
  constructor(
    private readonly repo: RebateRepository,
    private readonly vatInvoices: VatInvoiceRepository,
    private readonly claims: ClaimsService,
  ) {}

  /** A purchase VAT invoice taken in through intake, kept for the trader to assign its lines. */
  @OnEvent('rebate.vat-invoice.received')
  async vatInvoice(e: EventEnvelope<'rebate.vat-invoice.received'>, { tx }: EnvelopeContext) {
    if (e.clientId) await this.vatInvoices.put(tx, e.clientId, e.payload);
  }

  @OnEvent('clearance.export-declaration.filed')
  async filed(e: EventEnvelope<'clearance.export-declaration.filed'>, { tx }: EnvelopeContext) {
    const d = e.payload;
    const declarationNo = d.entryId ?? d.preEntryId ?? d.clientRef;
    if (!e.clientId || !declarationNo) return;
    await this.repo.putDeclaration(tx, e.clientId, {
      declarationNo,
      exportDate: d.exportDate ?? null,
      invoiceNos: d.invoiceNos ?? [],
      lines: d.lines.map((l) => ({
        declarationNo,
        lineNo: l.lineNo,
        exportDate: d.exportDate ?? '',
        hsCode: l.hsCode,
        productName: l.goodsName,
        quantity: l.firstQuantity.value,
        unit: l.firstQuantity.unit,
      })),
    });
  }

  @OnEvent('clearance.declaration.receipt')
  async receipt(e: EventEnvelope<'clearance.declaration.receipt'>, { tx }: EnvelopeContext) {
    const r = e.payload;
    if (!e.clientId || !r.entryId) return;
    // Closing (结关) follows release; a CLOSED receipt implies the release.
    if (r.outcome === 'RELEASED' || r.outcome === 'CLOSED')
      await this.repo.flag(tx, e.clientId, r.entryId, 'released');
    if (r.outcome === 'CLOSED') await this.repo.flag(tx, e.clientId, r.entryId, 'closed');
    await this.claims.announceIfReady(tx, e.clientId, r.entryId, e);
  }

  @OnEvent('settlement.payment.matched')
  async paid(e: EventEnvelope<'settlement.payment.matched'>, { tx }: EnvelopeContext) {
    const settled = e.payload.allocations.filter((a) => a.settled).map((a) => a.invoiceNo);
    if (!e.clientId || settled.length === 0) return;
    for (const no of await this.repo.fxCollected(tx, e.clientId, settled))
      await this.claims.announceIfReady(tx, e.clientId, no, e);
  }
}
