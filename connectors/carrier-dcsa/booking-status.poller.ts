import { createHash } from 'node:crypto';
import type { InboundPoller, PollContext, PollResult } from '../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { peekObject, textAt } from '../transports/http/json-peek';
import { PartnerHttpClient, type PartnerHttpOptions } from '../transports/http/partner-http.client';
import { parseTransportSettings, softFail } from '../transports/http/transport-settings';
import { storePolled } from '../transports/http/poll-intake';
import { noBookingRefs, type BookingRefSource } from './booking-refs.source';
import { DcsaBookingPollSettingsSchema } from './dcsa-settings.schema';

// Booking 2.0 statuses after which nothing changes any more.
const FINAL = new Set(['REJECTED', 'DECLINED', 'CANCELLED', 'COMPLETED']);

interface BookingSeen {
  status?: string;
  hash: string;
}

/**
 * Booking status by polling (DCSA Booking 2.0 allows it where no notification subscription
 * exists): GET /bookings/{reference} for each followed booking; a changed answer is stored raw
 * for the BookingConfirmation mapping, an unchanged one is not stored again, and a booking in
 * a final status is no longer asked for. 202 (carrier still processing) is asked again later.
 */
export class DcsaBookingStatusPoller implements InboundPoller {
  readonly kind = 'dcsa-booking-poll';

  constructor(
    private readonly source: BookingRefSource = noBookingRefs,
    private readonly httpOptions: PartnerHttpOptions = {},
  ) {}

  async poll(partner: PartnerRecord, raw: PartnerTransport, ctx: PollContext): Promise<PollResult> {
    const settings = parseTransportSettings(DcsaBookingPollSettingsSchema, raw, partner, 'receive');
    const client = new PartnerHttpClient(settings, { ...this.httpOptions, stage: 'receive' });
    const found = await this.source.openBookingRefs(partner.id, settings.lookbackDays);
    const refs = [...new Set([...settings.bookingReferences, ...found])];
    let received = 0;
    let deferred = 0;
    for (const ref of refs) {
      if (ctx.signal.aborted) return { received, deferred: deferred + 1 };
      const key = `dcsa-booking:${partner.id}:${ref}`;
      const seen = parseSeen(await ctx.state.get(key));
      if (seen?.status && FINAL.has(seen.status)) continue;
      let response;
      try {
        response = await client.request({
          method: 'GET',
          path: `/bookings/${encodeURIComponent(ref)}`,
          accept: [202, 404],
        });
      } catch (err) {
        return softFail(err, received, deferred + 1);
      }
      if (response.status === 202) deferred++;
      if (response.status !== 200) continue;
      const hash = createHash('sha256').update(response.text).digest('hex');
      if (seen?.hash === hash) continue;
      await storePolled(ctx, partner, settings.kind, {
        text: response.text,
        contentType: response.headers['content-type'],
        meta: { bookingReference: ref },
      });
      received++;
      const status = textAt(peekObject(response.text), 'bookingStatus');
      await ctx.state.set(key, JSON.stringify({ status, hash } satisfies BookingSeen));
    }
    return { received, deferred };
  }
}

function parseSeen(raw: string | undefined): BookingSeen | undefined {
  return raw ? (JSON.parse(raw) as BookingSeen) : undefined;
}
