import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { partyId } from '../../../core/model/values/party.schema';
import { advisoryLockKey } from '../../../core/storage/advisory-lock';
import { inTransaction } from '../../../core/storage/database';
import { ceb701 } from '../../../mappings/cn-customs-outbound';
import { PG_POOL } from '../../infra/tokens';
import { clientKey } from '../../auth/client-scope';
import { ClearanceRepository } from './clearance.repository';
import { CLEARANCE_SETTINGS, senderOf, type ClearanceSettings } from './clearance.settings';
import { SummaryRepository, type SummaryRow } from './summary.repository';
import { SINGLE_WINDOW, type SingleWindowClientLike } from './single-window.provider';

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
    @Inject(SINGLE_WINDOW) private readonly singleWindow: SingleWindowClientLike,
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
      const sent = await this.singleWindow.submit(
        ceb701({
          head: { guid: guid(), appTime: new Date() },
          messageGuid: guid(),
          sender: senderOf(s),
          customsCode: s.customsCode,
          copNo,
          agent: platform,
          seller: { code: partyId(consignor, 'CUSTOMS') ?? s.platform.code, name: consignor.name },
          declarant: platform,
          periodStart: new Date(r.periodStart),
          periodEnd: new Date(r.periodEnd),
          inventoryNos: lists.map((l) => l.inventoryNo),
        }),
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
      return { created: true, summary };
    });
  }
}
