import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import type {
  CommercialInvoice,
  PackingList,
  SalesOrder,
} from '../../../core/model/documents/commerce.schema';
import type { Booking } from '../../../core/model/documents/logistics-booking.schema';
import type { PurchaseOrder } from '../../../core/model/documents/commerce-purchase-order.schema';
import type { BillOfLading } from '../../../core/model/documents/logistics-document.schema';
import type { Party } from '../../../core/model/values/party.schema';
import { partyId } from '../../../core/model/values/party.schema';
import { advisoryLockKey } from '../../../core/storage/advisory-lock';
import { inTransaction } from '../../../core/storage/database';
import { mergeOrderUpdate } from '../../../mappings/marketplace';
import type { CebMessageInput } from '../../../mappings/codecs/cn-customs/ceb-write';
import { declarationMessage } from '../../../mappings/cn-customs-outbound';
import { PG_POOL } from '../../infra/tokens';
import { clientKey } from '../../auth/client-scope';
import {
  ClearanceRepository,
  type ClearanceSource,
  type DeclarationRow,
} from './clearance.repository';
import { declarationRefs, publishDeclarationState } from './clearance-events';
import { ComplianceService } from './compliance.service';
import { CLEARANCE_SETTINGS, senderOf, type ClearanceSettings } from './clearance.settings';
import { ecommerceMessagesFor, isEcommerceExportMode } from './ecommerce-messages';
import { bondedImportMessagesFor } from './bonded-import-messages';
import { TradeError } from '../../../core/errors/trade-error';
import { buildExportDraft, type DraftSettings } from './rules/declaration-draft';
import { arrivesInChina, buildImportDraft } from './rules/import-draft';
import {
  BONDED_IMPORT_MODE,
  buildBondedImportDraft,
  type BondedImportSetup,
} from './rules/bonded-import-draft';
import { declare } from './rules/declaration-state';
import { catalogueOf, type HsEntry, type ProductEntry } from './rules/hs-catalogue';
import { qualify, type ClientQualification } from './rules/qualification';
import { CustomsOutbox } from './customs-outbox';
import { prepared } from '../../../core/storage/prepared';

const LOCK_ORDERS = prepared(
  'SELECT pg_advisory_xact_lock(k) FROM (SELECT unnest($1::bigint[]) AS k ORDER BY 1) keys',
);

/** General trade (一般贸易): filed as a goods declaration, not as e-commerce lists. */
export const GENERAL_TRADE = '0110';

const newGuid = () => randomUUID().toUpperCase();

/** The source row that marks an order cancelled or returned (see OrderReversalService). */
export const REVERSAL_SOURCE = 'OrderReversal';

/** What the clearance service knows of a client: its party and its qualification. */
export interface ClientProfile {
  party: Party;
  qualification: Omit<ClientQualification, 'clientId' | 'uscc' | 'name'>;
  districtCode?: string;
  /** For a client that imports under 1210: its bonded zone stock and guarantor. */
  bondedImport?: BondedImportSetup;
}

/** The order number a source document belongs to. */
function orderNoOf(envelope: Envelope): string | undefined {
  const p = envelope.payload as { orderNo?: string; orderNos?: string[] };
  return p.orderNo ?? p.orderNos?.[0] ?? envelope.refs.orderNo?.[0];
}

const sourceKey = (s: { clientKey: string; orderNo: string; documentType: string }) =>
  `${s.clientKey}\u001f${s.orderNo}\u001f${s.documentType}`;

export const orderLockKey = (key: string, orderNo: string) =>
  advisoryLockKey(`clearance:${key}:${orderNo}`);

/** One source row per (client, order, document type): the latest event of the batch wins. */
function latestSources(envelopes: Envelope[]): ClearanceSource[] {
  const latest = new Map<string, ClearanceSource>();
  for (const envelope of envelopes) {
    const orderNo = orderNoOf(envelope);
    if (!orderNo) continue;
    const source: ClearanceSource = {
      clientKey: clientKey(envelope.clientId),
      clientId: envelope.clientId ?? null,
      orderNo,
      documentType: envelope.documentType,
      payload: envelope.payload,
      envelopeId: envelope.id,
      at: envelope.occurredAt,
    };
    const id = sourceKey(source);
    const previous = latest.get(id);
    if (!previous) latest.set(id, source);
    else if (Date.parse(previous.at) <= Date.parse(source.at))
      latest.set(id, { ...source, payload: mergedSource(previous.payload, source) });
    else latest.set(id, { ...previous, payload: mergedSource(source.payload, previous) });
  }
  return [...latest.values()];
}

/**
 * A newer source over the one known: a SalesOrder without amounts (a status notification such
 * as Amazon ORDER_CHANGE) changes only the status of the known order and keeps its prices.
 */
function mergedSource(known: unknown, newer: ClearanceSource): unknown {
  if (newer.documentType !== 'SalesOrder' || !known) return newer.payload;
  return mergeOrderUpdate(known as SalesOrder, newer.payload as SalesOrder);
}

/**
 * Drafts export declarations from the order, invoice, packing list and booking as they
 * arrive, validates them by field, runs compliance, and submits them to the Single Window.
 */
@Injectable()
export class ClearanceService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLEARANCE_SETTINGS) private readonly settings: ClearanceSettings,
    private readonly outbox: CustomsOutbox,
    private readonly compliance: ComplianceService,
    private readonly repo: ClearanceRepository,
  ) {}

  /**
   * SalesOrders, CommercialInvoices, PackingLists or Bookings arrived (one consumer batch): keep
   * them, then try a draft for each order that now has both its order and its booking. Three
   * statements for the batch, not three per document: every export order passes here.
   */
  async onSources(tx: PoolClient, envelopes: Envelope[]): Promise<void> {
    const sources = latestSources(envelopes);
    if (sources.length === 0) return;
    // The order and its booking may be handled at once in two transactions: one at a time per
    // order, so the second sees the first and drafts. Locks are taken in key order so two
    // batches naming the same orders cannot deadlock.
    const lockKeys = [...new Set(sources.map((s) => orderLockKey(s.clientKey, s.orderNo)))];
    await tx.query({ ...LOCK_ORDERS, values: [lockKeys.sort()] });
    const stored = await this.repo.storedSources(tx, sources);
    await this.repo.saveSources(
      tx,
      sources.map((s) => ({ ...s, payload: mergedSource(stored.get(sourceKey(s)), s) })),
    );
    for (const order of await this.repo.ordersReadyToDraft(tx, sources))
      await this.draft(tx, order.clientKey, order.clientId, order.orderNo);
  }

  private async draft(tx: PoolClient, key: string, clientId: string | null, orderNo: string) {
    const src = await this.repo.sources(tx, key, orderNo);
    const order = src.SalesOrder as SalesOrder | undefined;
    const booking = src.Booking as Booking | undefined;
    const purchaseOrder = src.PurchaseOrder as PurchaseOrder | undefined;
    const bl = src.BillOfLading as BillOfLading | undefined;
    // An export: the client sold (order and booking). A 1210 bonded import: the order alone
    // (the goods are in the bonded zone). An import: the client bought (its purchase order) and
    // the B/L discharges in China. A cancelled order is never drafted.
    const bonded = order?.customsMode === BONDED_IMPORT_MODE ? order : undefined;
    const exporting = order && booking && !bonded ? { order, booking } : undefined;
    const importing =
      !order && purchaseOrder && bl && arrivesInChina(bl) ? { purchaseOrder, bl } : undefined;
    if ((!exporting && !importing && !bonded) || src[REVERSAL_SOURCE]) return;
    const existing = await this.repo.lockByOrder(tx, key, orderNo);
    if (existing && existing.state !== 'DRAFT') return;
    const settings = await this.draftSettings(
      tx,
      key,
      existing?.clientRef ?? `DEC-${orderNo}`,
      (exporting?.order ?? bonded)?.seller ?? importing!.purchaseOrder.buyer,
    );
    const invoice = src.CommercialInvoice as CommercialInvoice | undefined;
    const packingList = src.PackingList as PackingList | undefined;
    const bondedSetup = bonded
      ? (await this.repo.client<ClientProfile>(tx, key))?.bondedImport
      : undefined;
    const { declaration, problems } = bonded
      ? buildBondedImportDraft(bonded, settings, bondedSetup)
      : exporting
        ? buildExportDraft({ ...exporting, invoice, packingList }, settings)
        : buildImportDraft(
            {
              purchaseOrder: importing!.purchaseOrder,
              billOfLading: importing!.bl,
              invoice,
              packingList,
            },
            settings,
          );
    const id = existing?.id ?? randomUUID();
    const row: DeclarationRow = {
      ...(existing ?? {
        id,
        clientKey: key,
        clientId,
        orderNo,
        clientRef: declaration.clientRef!,
        supervisionMode: declaration.supervisionMode,
        port: declaration.portCustomsCode,
        hold: null,
        submissionGuid: null,
        recordGuid: null,
        inventoryNo: null,
        cancellationGuid: null,
        cancellationRecordGuid: null,
        summaryId: null,
        stateAt: null,
        reason: null,
        submittedAt: null,
        createdAt: '',
        updatedAt: '',
      }),
      state: 'DRAFT',
      declaration,
      problems,
    };
    if (existing) await this.repo.update(tx, id, { declaration, problems });
    else await this.repo.insert(tx, row);
    // Screening and trade remedies look at the buyer and the export market (below: left).
    const hold =
      exporting && 'consignor' in declaration
        ? await this.compliance.check(
            tx,
            { clientKey: key, clientId, declarationId: id },
            exporting.order,
            exporting.booking,
            declaration,
          )
        : null;
    if (hold) await this.repo.update(tx, id, { hold });
    const now = new Date().toISOString();
    const note =
      problems.length === 0 && !hold
        ? 'validated'
        : `${problems.length} problem(s)${hold ? '; held' : ''}`;
    await this.repo.addHistory(tx, id, existing ? 'DRAFT' : null, 'DRAFT', now, note);
    await publishDeclarationState(tx, { ...row, hold }, now, note);
    // A bonded import files its set as soon as it is valid, once: a redelivered order finds it
    // DECLARED; after a rejection back to DRAFT an operator resubmits.
    if (bonded && note === 'validated' && !existing?.submittedAt)
      await this.autoFile(tx, { ...row, hold });
  }

  /** Files a valid bonded-import draft; a filing not configured leaves it in DRAFT, noted. */
  private async autoFile(tx: PoolClient, row: DeclarationRow): Promise<void> {
    try {
      await this.file(tx, row);
    } catch (err) {
      // Thrown before anything is stored (partner, signing, XSD): the draft waits for a submit.
      if (!(err instanceof TradeError) || err.kind === 'transient') throw err;
      const now = new Date().toISOString();
      await this.repo.addHistory(tx, row.id, 'DRAFT', 'DRAFT', now, `not filed: ${err.message}`);
    }
  }

  /** What a draft is built with: the client's qualification, catalogue and the platform. */
  private async draftSettings(
    tx: PoolClient,
    key: string,
    clientRef: string,
    fallbackParty: Party,
  ): Promise<DraftSettings> {
    const profile = await this.repo.client<ClientProfile>(tx, key);
    const catalogue = await this.repo.catalogue(tx, key);
    const party = profile?.party ?? fallbackParty;
    const qualification = qualify(
      {
        clientId: key,
        uscc: partyId(party, 'USCC') ?? '',
        name: party.name,
        registrations: profile?.qualification.registrations ?? [],
        agency: profile?.qualification.agency,
      },
      new Date().toISOString().slice(0, 10),
    );
    const platform: Party = {
      name: this.settings.platform.name,
      identifiers: [
        { scheme: 'USCC', value: this.settings.platform.uscc },
        { scheme: 'CUSTOMS', value: this.settings.platform.code },
      ],
    };
    return {
      clientRef,
      customsCode: this.settings.customsCode,
      portCustomsCode: this.settings.portCustomsCode,
      client: party,
      platform,
      qualification,
      districtCode: profile?.districtCode,
      catalogue: catalogueOf(
        catalogue.filter((c) => c.kind === 'hs').map((c) => c.entry as HsEntry),
        catalogue.filter((c) => c.kind === 'product').map((c) => c.entry as ProductEntry),
      ),
    };
  }

  /**
   * Submits a validated draft. An e-commerce export (9610, 9710, 9810: the supervision mode the
   * SalesOrder's customsMode gave the draft) files its order's CEB303, CEB505 and CEB603; a
   * general-trade (0110) declaration files its declaration file (DecMessage). Once: the
   * declaration leaves DRAFT in the same transaction, so a second call is refused. The
   * declaration then follows the receipts of the last message (the list, or the file).
   */
  async submit(id: string): Promise<DeclarationRow> {
    return inTransaction(this.pool, async (tx) => {
      const row = await this.repo.lockById(tx, id);
      if (!row) throw new BadRequestException(`no declaration ${id}`);
      if (row.state !== 'DRAFT')
        throw new ConflictException(
          `declaration is ${row.state}, not DRAFT${row.reason ? `: ${row.reason}` : ''}`,
        );
      if (row.problems.length > 0)
        throw new ConflictException({ message: 'the draft has problems', problems: row.problems });
      if (row.hold || (await this.repo.openHolds(tx, id)) > 0)
        throw new ConflictException(`held: ${row.hold ?? 'open compliance alert'}`);
      return this.file(tx, row);
    });
  }

  /** Files the declaration's messages once and moves it to DECLARED in the caller's transaction. */
  private async file(tx: PoolClient, row: DeclarationRow): Promise<DeclarationRow> {
    const id = row.id;
    const messages = await this.filingOf(tx, row);
    const sent = await this.outbox.file(tx, messages, {
      clientId: row.clientId,
      refs: declarationRefs(row),
      // The order's set travels as one conversation: the messages list shows it together.
      correlationId: row.id,
    });
    // The list (or the declaration file) is last: its receipts move the declaration.
    const submission = sent[sent.length - 1];
    const progress = declare({ state: 'DRAFT' }, submission.guid);
    const now = new Date().toISOString();
    await this.repo.update(tx, id, {
      state: progress.state,
      submissionGuid: submission.guid,
      recordGuid: submission.recordGuids[0] ?? null,
      submittedAt: now,
      stateAt: now,
      reason: null,
    });
    await this.repo.addHistory(
      tx,
      id,
      'DRAFT',
      progress.state,
      now,
      `sent ${sent.map((m) => `${m.messageType} ${m.fileName}`).join(', ')}`,
    );
    const updated = { ...row, state: progress.state, submissionGuid: submission.guid };
    await publishDeclarationState(tx, updated, now);
    return updated;
  }

  /** The messages a draft files, by its supervision mode. */
  private async filingOf(tx: PoolClient, row: DeclarationRow): Promise<CebMessageInput[]> {
    if (row.supervisionMode === GENERAL_TRADE)
      return [
        declarationMessage(row.declaration, { guid: newGuid(), sender: senderOf(this.settings) }),
      ];
    const src = await this.repo.sources(tx, row.clientKey, row.orderNo);
    if (row.supervisionMode === BONDED_IMPORT_MODE) {
      const setup = (await this.repo.client<ClientProfile>(tx, row.clientKey))?.bondedImport;
      if (!setup) throw new ConflictException('the client has no bonded-import set-up');
      return bondedImportMessagesFor(row, src.SalesOrder as SalesOrder, setup, this.settings);
    }
    if (!isEcommerceExportMode(row.supervisionMode))
      throw new ConflictException(
        `supervision mode ${row.supervisionMode}: only general trade (0110) declarations and e-commerce lists (9610, 9710, 9810, 1210) are submitted`,
      );
    return ecommerceMessagesFor(
      row,
      src.SalesOrder as SalesOrder,
      src.Booking as Booking,
      this.settings,
    );
  }
}
