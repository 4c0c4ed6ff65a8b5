import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { partyId, type Party } from '../../../core/model/values/party.schema';
import { advisoryLockKey } from '../../../core/storage/advisory-lock';
import { inTransaction } from '../../../core/storage/database';
import { ceb701 } from '../../../mappings/cn-customs-outbound';
import { PG_POOL } from '../../infra/tokens';
import { clientKey } from '../../auth/client-scope';
import { ClearanceRepository } from './clearance.repository';
import { CLEARANCE_SETTINGS, senderOf, type ClearanceSettings } from './clearance.settings';
import { publishSummaryState, type SummaryEventState } from './clearance-events';
import { CustomsOutbox } from './customs-outbox';
import { summaryDocument } from './rules/summary-document';
import { SummaryRepository, type SummaryRow } from './summary.repository';

export interface SummaryRequest {
  clientId: string | null;
  /** The period, start inclusive, end exclusive (ISO 8601 with zone). */
  periodStart: string;
  periodEnd: string;
}

/**
 * CEB701 summary declaration (汇总申报) of a client's released 9610 lists of a period: built
 * once per client and period, each list summed once, validated against the XSD by the
 * connector before it leaves, then tracked by its receipts like the lists.
 */
@Injectable()
export class SummaryService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLEARANCE_SETTINGS) private readonly settings: ClearanceSettings,
    private readonly outbox: CustomsOutbox,
    private readonly repo: ClearanceRepository,
    private readonly summaries: SummaryRepository,
  ) {}

  /** The summary of the period: filed now, or the one filed before (created false). */
  async summarise(r: SummaryRequest): Promise<{ created: boolean; summary: SummaryRow }> {
    const key = clientKey(r.clientId);
    return inTransaction(this.pool, async (tx) => {
      // One summary run per client at a time: two runs would sum the same lists.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [advisoryLockKey(`summary:${key}`)]);
      const existing = await this.summaries.byPeriod(tx, key, r.periodStart, r.periodEnd);
      if (existing) return { created: false, summary: existing };
      const lists = await this.summaries.lockUnsummarised(tx, key, r.periodStart, r.periodEnd);
      if (lists.length === 0)
        throw new ConflictException(
          `no released 9610 list of ${key || 'the platform'} left to summarise from ${r.periodStart} to ${r.periodEnd}`,
        );
      const s = this.settings;
      const consignor = lists[0].declaration.consignor;
      const copNo = `SUM-${randomUUID().slice(0, 13).toUpperCase()}`;
      const guid = () => randomUUID().toUpperCase();
      const platform = { code: s.platform.code, name: s.platform.name };
      const [sent] = await this.outbox.file(
        tx,
        [
          ceb701({
            head: { guid: guid(), appTime: new Date() },
            messageGuid: guid(),
            sender: senderOf(s),
            customsCode: s.customsCode,
            copNo,
            agent: platform,
            seller: {
              code: partyId(consignor, 'CUSTOMS') ?? s.platform.code,
              name: consignor.name,
            },
            declarant: platform,
            periodStart: new Date(r.periodStart),
            periodEnd: new Date(r.periodEnd),
            inventoryNos: lists.map((l) => l.inventoryNo),
          }),
        ],
        {
          clientId: r.clientId,
          refs: { orderNo: lists.map((l) => l.orderNo), declarationNo: [copNo] },
        },
      );
      const summary: SummaryRow = {
        id: randomUUID(),
        clientKey: key,
        clientId: r.clientId,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        copNo,
        inventoryNos: lists.map((l) => l.inventoryNo),
        submissionGuid: sent.guid,
        recordGuid: sent.recordGuids[0] ?? null,
        state: 'DECLARED',
      };
      await this.summaries.insert(
        tx,
        summary,
        lists.map((l) => l.id),
      );
      const at = new Date().toISOString();
      for (const l of lists)
        await this.repo.addHistory(tx, l.id, l.state, l.state, at, `summed in CEB701 ${copNo}`);
      await this.publish(
        tx,
        { ...summary, createdAt: at },
        'DECLARED',
        at,
        `sent CEB701 ${sent.fileName}`,
      );
      return { created: true, summary };
    });
  }

  /** Publishes a summary's state with its lists' orders (see publishSummaryState). */
  async publish(
    tx: PoolClient,
    summary: SummaryRow,
    state: SummaryEventState,
    at: string,
    note?: string,
  ): Promise<void> {
    const s = this.settings;
    const lists = await this.summaries.lists(tx, summary.id);
    const platform: Party = {
      name: s.platform.name,
      identifiers: [
        { scheme: 'CUSTOMS', value: s.platform.code },
        { scheme: 'USCC', value: s.platform.uscc },
      ],
    };
    const iso = (t: string) => new Date(t).toISOString();
    const payload = summaryDocument({
      recordGuid: summary.recordGuid ?? summary.submissionGuid ?? summary.id,
      filedAt: iso(summary.createdAt ?? at),
      customsCode: s.customsCode,
      copNo: summary.copNo,
      periodStart: iso(summary.periodStart),
      periodEnd: iso(summary.periodEnd),
      inventoryNos: summary.inventoryNos,
      platform,
      seller: lists[0]?.declaration.consignor ?? platform,
      note,
    });
    await publishSummaryState(
      tx,
      { state, payload, orderNos: lists.map((l) => l.orderNo), clientId: summary.clientId },
      at,
    );
  }
}
