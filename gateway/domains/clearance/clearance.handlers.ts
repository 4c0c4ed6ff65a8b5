import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import type { EnvelopeHandler } from '../../../core/messaging/envelope-consumer';
import { DomainHandler } from '../../messaging/domain-handler.decorator';
import { ClearanceService } from './clearance.service';

const SOURCES = new Set(['SalesOrder', 'CommercialInvoice', 'PackingList', 'Booking']);

/** Collects the documents a declaration is built from and drafts it once they are there. */
@Injectable()
@DomainHandler()
export class ClearanceSourcesHandler implements EnvelopeHandler {
  readonly name = 'clearance-sources';
  readonly bindings = [
    'commerce.order.*',
    'commerce.invoice.*',
    'commerce.packing-list.*',
    'logistics.booking.requested',
  ];

  constructor(private readonly clearance: ClearanceService) {}

  async handle(envelope: Envelope, tx: PoolClient): Promise<void> {
    if (!SOURCES.has(envelope.documentType)) return;
    await this.clearance.onSource(tx, envelope);
  }
}
