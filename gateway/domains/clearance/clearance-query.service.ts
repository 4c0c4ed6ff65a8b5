import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { inTransaction } from '../../../core/storage/database';
import { clientScope, type Principal } from '../../auth/principal';
import { PG_POOL } from '../../infra/tokens';
import { actingClient, clientKey, visibleOr404 } from '../../auth/client-scope';
import { ClearanceRepository, type DeclarationFilter } from './clearance.repository';
import { CLEARANCE_SETTINGS, readTable, type ClearanceSettings } from './clearance.settings';
import type { ClientProfile } from './clearance.service';
import { evaluateOrigin, type OriginInput } from './rules/origin';
import { parseTariffTable, planTariff, type TariffQuestion, type TariffRate } from './rules/tariff';
import { maskPersonalData } from '../../../core/model/values/buyer-identity.schema';

/** The operator and client API of the clearance service, every read client-scoped. */
@Injectable()
export class ClearanceQueryService {
  private readonly tariff: TariffRate[];

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLEARANCE_SETTINGS) settings: ClearanceSettings,
    private readonly repo: ClearanceRepository,
  ) {
    this.tariff = parseTariffTable(readTable(settings.tariffFile), settings.tariffFile);
  }

  private scopeKey(principal: Principal, requested?: string): string | undefined {
    const scoped = clientScope(principal);
    if (scoped !== undefined) return scoped;
    return requested === undefined ? undefined : clientKey(requested);
  }

  list(principal: Principal, q: DeclarationFilter & { clientId?: string }) {
    return this.repo.list(this.pool, { ...q, clientKey: this.scopeKey(principal, q.clientId) });
  }

  async one(principal: Principal, id: string) {
    const row = visibleOr404(principal, await this.repo.get(this.pool, id), 'declaration');
    const [history, receipts, documents] = await Promise.all([
      this.repo.history(this.pool, id),
      this.repo.receipts(this.pool, id),
      this.repo.sources(this.pool, row.clientKey, row.orderNo),
    ]);
    // The order's buyer identity (1210) is personal data: answers show it masked.
    return { ...row, history, receipts, documents: maskPersonalData(documents) };
  }

  async problems(principal: Principal, id: string) {
    const row = visibleOr404(principal, await this.repo.get(this.pool, id), 'declaration');
    return { id, state: row.state, hold: row.hold, problems: row.problems };
  }

  alerts(principal: Principal, q: { clientId?: string; open?: string }) {
    return this.repo.alerts(this.pool, this.scopeKey(principal, q.clientId), q.open !== 'false');
  }

  /** Clears an alert; the last open screening hit cleared lifts the declaration's hold. */
  async clearAlert(principal: Principal, id: string) {
    return inTransaction(this.pool, async (tx) => {
      const alert = await this.repo.clearAlert(tx, id, principal.name);
      if (!alert) throw new NotFoundException(`no open alert ${id}`);
      if (alert.kind === 'SCREENING_HIT' && alert.declarationId) {
        if ((await this.repo.openHolds(tx, alert.declarationId)) === 0)
          await this.repo.update(tx, alert.declarationId, { hold: null });
      }
      return { id, clearedBy: principal.name };
    });
  }

  putClient(principal: Principal, clientId: string, profile: ClientProfile) {
    actingClient(principal, clientId);
    return this.repo.putClient(this.pool, clientKey(clientId), profile);
  }

  putCatalogue(
    principal: Principal,
    kind: 'hs' | 'product',
    key: string,
    entry: unknown,
    clientId?: string,
  ) {
    const client = kind === 'hs' ? null : actingClient(principal, clientId);
    return this.repo.putCatalogue(this.pool, kind, clientKey(client), key, entry);
  }

  origin(input: OriginInput) {
    return evaluateOrigin(input);
  }

  plan(question: TariffQuestion) {
    return planTariff(this.tariff, question);
  }
}
