import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { canSee, type Principal } from '../../auth/principal';
import { parseInput } from '../../http/zod-query';
import { PG_POOL } from '../../infra/tokens';
import { BookingRepository } from './booking.repository';
import { ShipmentRepository, type EntryView } from './shipment.repository';

const TimelineQuery = z.object({
  container: z.string().optional(),
  /** 'true' lists superseded and retracted entries too. */
  all: z.enum(['true', 'false']).optional(),
});
const RefQuery = z.object({ ref: z.string().min(1) });

const publicEntry = ({ clientId: _c, ...entry }: EntryView) => entry;

/** Operators' and clients' view of shipments: by any reference, and one B/L's timeline. */
@Injectable()
export class ShipmentQueryService {
  private readonly shipments = new ShipmentRepository();
  private readonly bookings = new BookingRepository();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async byRef(principal: Principal, query: unknown) {
    const { ref } = parseInput(RefQuery, query);
    const shipments = [];
    for (const blNo of await this.shipments.findByRef(this.pool, ref)) {
      const view = await this.view(principal, blNo, {});
      if (!view) continue;
      const { entries, ...summary } = view;
      const actual = entries.filter((e) => e.classifier === 'ACT');
      shipments.push({
        ...summary,
        entryCount: entries.length,
        latestActual: actual.at(-1) ?? null,
      });
    }
    const unlinked = (await this.shipments.unlinkedEntries(this.pool, ref)).filter((e) =>
      canSee(principal, e.clientId),
    );
    return { ref, shipments, unlinked: unlinked.map(publicEntry) };
  }

  async timeline(principal: Principal, blNo: string, query: unknown) {
    const q = parseInput(TimelineQuery, query);
    const view = await this.view(principal, blNo, {
      containerNo: q.container,
      all: q.all === 'true',
    });
    if (!view) throw new NotFoundException(`shipment ${blNo} not found`);
    return view;
  }

  /**
   * A B/L is a client's when its shipment, one of its bookings or one of its milestones was
   * attributed to that client; then its whole timeline is.
   */
  private async view(
    principal: Principal,
    blNo: string,
    opts: { containerNo?: string; all?: boolean },
  ) {
    const [shipment, entries, links, bookings] = await Promise.all([
      this.shipments.get(this.pool, blNo),
      this.shipments.entries(this.pool, blNo, opts),
      this.shipments.linksOf(this.pool, blNo),
      this.bookings.findByBl(this.pool, blNo),
    ]);
    const owners = [
      shipment?.clientId,
      ...bookings.map((b) => b.clientId),
      ...entries.map((e) => e.clientId),
    ];
    const visible = principal.clientId === null || owners.includes(principal.clientId);
    if (!visible || (!shipment && entries.length === 0)) return undefined;
    return {
      blNo,
      eta: shipment?.eta ?? null,
      portOfDischarge: shipment?.portOfDischarge ?? null,
      containerNos: links.containerNo ?? [],
      bookingNos: [
        ...new Set([...(links.bookingNo ?? []), ...bookings.flatMap((b) => b.bookingNo ?? [])]),
      ],
      entries: entries.map(publicEntry),
    };
  }
}
