import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import {
  belongsToLeg,
  legStatus,
  milestoneViews,
  planStatus,
  resolveLeg,
  type Observation,
} from './rules/plan-status';
import { DoorToDoorPlanSchema, type LegRefs } from './rules/plan.schema';
import { refPairs, type TradeRefs } from '../../../core/model/trade-refs';
import { inTransaction } from '../../../core/storage/database';
import type { Principal } from '../../auth/principal';
import { parseInput } from '../../http/zod-query';
import { PG_POOL } from '../../infra/tokens';
import { actingClient, clientKey, visibleOr404 } from '../../auth/client-scope';
import { PlanRepository, type PlanRow, type RefPair } from './plan.repository';

function legRefPairs(refs: LegRefs): RefPair[] {
  const pairs: TradeRefs = {
    blNo: refs.blNo ? [refs.blNo] : undefined,
    bookingNo: refs.bookingNo ? [refs.bookingNo] : undefined,
    containerNo: refs.containerNos,
    asnNo: refs.asnNo ? [refs.asnNo] : undefined,
    trackingNo: refs.trackingNos,
  };
  return refPairs(pairs);
}

/** Door-to-door plans: created by operators or clients, moved by the milestones of their legs. */
@Injectable()
export class PlanService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly plans: PlanRepository,
  ) {}

  async create(principal: Principal, body: unknown) {
    const input = parseInput(DoorToDoorPlanSchema, body);
    const clientId = actingClient(principal, input.clientId);
    const plan = { ...input, ...(clientId ? { clientId } : {}) };
    const id = randomUUID();
    return inTransaction(this.pool, async (tx) => {
      await this.plans.lockForCreating(tx);
      const legs = plan.legs.map(() => 'planned' as const);
      const row = {
        id,
        reference: plan.reference,
        clientId,
        plan,
        status: 'planned' as const,
        legStatuses: legs,
      };
      if (!(await this.plans.insert(tx, row, clientKey(clientId))))
        throw new ConflictException(`plan ${plan.reference} exists`);
      for (const [seq, leg] of plan.legs.entries()) {
        const refs = legRefPairs(leg.refs);
        await this.plans.insertRefs(tx, id, seq, refs);
        for (const ref of refs) {
          for (const o of await this.plans.knownObservations(tx, ref))
            await this.addTo(tx, id, seq, o);
        }
      }
      await this.recompute(tx, id);
      return this.view(tx, (await this.plans.get(tx, id))!);
    });
  }

  async get(principal: Principal, id: string) {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.plans.get(this.pool, id) : undefined;
    return this.view(this.pool, visibleOr404(principal, row, `plan ${id}`));
  }

  /** A milestone seen on some references: every plan leg following them and expecting it moves. */
  async observe(tx: PoolClient, refs: TradeRefs, o: Observation): Promise<void> {
    await this.plans.lockForObserving(tx);
    const touched = new Set<string>();
    for (const leg of await this.plans.legsFollowing(tx, refPairs(refs))) {
      if (await this.addTo(tx, leg.planId, leg.legSeq, o, leg.plan)) touched.add(leg.planId);
    }
    for (const planId of touched) await this.recompute(tx, planId);
  }

  /** Inbound statuses are kept so plans created later still see them. */
  async observeInbound(tx: PoolClient, refs: TradeRefs, o: Observation): Promise<void> {
    await this.plans.recordInboundStatus(tx, refs, o);
    await this.observe(tx, refs, o);
  }

  async retract(tx: PoolClient, identity: string): Promise<void> {
    await this.plans.lockForObserving(tx);
    for (const planId of await this.plans.removeObservation(tx, identity))
      await this.recompute(tx, planId);
  }

  private async addTo(
    tx: PoolClient,
    planId: string,
    seq: number,
    o: Observation,
    plan?: PlanRow['plan'],
  ) {
    const doc = plan ?? (await this.plans.get(tx, planId))!.plan;
    if (!belongsToLeg(resolveLeg(doc.legs[seq], seq), o)) return false;
    return this.plans.addObservation(tx, planId, seq, o);
  }

  private async recompute(tx: PoolClient, planId: string): Promise<void> {
    const row = (await this.plans.get(tx, planId, true))!;
    const seen = await this.plans.observations(tx, planId);
    const legs = row.plan.legs.map((leg, seq) =>
      legStatus(
        resolveLeg(leg, seq),
        seen.filter((o) => o.legSeq === seq),
      ),
    );
    await this.plans.setStatus(tx, planId, planStatus(legs), legs);
  }

  private async view(db: Pool | PoolClient, row: PlanRow) {
    const seen = await this.plans.observations(db, row.id);
    return {
      id: row.id,
      reference: row.reference,
      clientId: row.clientId,
      status: row.status,
      orderNos: row.plan.orderNos,
      remarks: row.plan.remarks,
      legs: row.plan.legs.map((leg, seq) => {
        const resolved = resolveLeg(leg, seq);
        return {
          seq,
          mode: leg.mode,
          carrier: leg.carrier,
          from: leg.from,
          to: leg.to,
          refs: leg.refs,
          status: row.legStatuses[seq],
          arrival: resolved.arrival,
          closing: resolved.closing,
          milestones: milestoneViews(
            resolved,
            seen.filter((o) => o.legSeq === seq),
          ),
        };
      }),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
