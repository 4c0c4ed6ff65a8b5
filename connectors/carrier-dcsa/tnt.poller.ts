import type { InboundPoller, PollContext, PollResult } from '../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { PartnerHttpClient, type PartnerHttpOptions } from '../transports/http/partner-http.client';
import { parseTransportSettings, softFail } from '../transports/http/transport-settings';
import { storePolled } from '../transports/http/poll-intake';
import { DcsaTntSettingsSchema } from './dcsa-settings.schema';
import { later, readTntPage } from './tnt-page';
import { loadTntState, saveTntState, tntQuery, type TntPollState } from './tnt-poll-state';

/**
 * DCSA T&T polling: GET /events page by page. Each page with events is stored raw, one
 * message per page; only after it is stored does the cursor move on in the poll state, so a
 * crash between the two reads the page again (and the intake records it as a duplicate)
 * rather than lose it.
 */
export class DcsaTntPoller implements InboundPoller {
  readonly kind = 'dcsa-tnt';

  constructor(private readonly httpOptions: PartnerHttpOptions = {}) {}

  async poll(partner: PartnerRecord, raw: PartnerTransport, ctx: PollContext): Promise<PollResult> {
    const settings = parseTransportSettings(DcsaTntSettingsSchema, raw, partner, 'receive');
    if (settings.mode === 'push') return { received: 0, deferred: 0 };
    const client = new PartnerHttpClient(settings, { ...this.httpOptions, stage: 'receive' });
    let state = await loadTntState(ctx.state, partner.id);
    let received = 0;
    for (let n = 0; n < settings.maxPagesPerPoll && !ctx.signal.aborted; n++) {
      let response;
      try {
        response = await client.request({
          method: 'GET',
          path: '/events',
          query: tntQuery(settings, state),
        });
      } catch (err) {
        return softFail(err, received);
      }
      const page = readTntPage(response);
      if (page.eventCount !== 0) {
        await storePolled(ctx, partner, settings.kind, {
          text: response.text,
          contentType: response.headers['content-type'],
          partnerRef: page.partnerRef,
          meta: { cursor: state.cursor ?? null, nextCursor: page.nextCursor ?? null },
        });
        received++;
      }
      state = nextState(state, page.newest, page.nextCursor);
      await saveTntState(ctx.state, partner.id, state);
      if (!page.nextCursor) return { received, deferred: 0 };
    }
    return { received, deferred: state.cursor ? 1 : 0 };
  }
}

/** Inside a chain: the next cursor; at its end: the newest event time becomes the bound. */
function nextState(state: TntPollState, newest: string | undefined, cursor?: string): TntPollState {
  const seen = later(state.newest, newest);
  if (cursor) return { since: state.since, cursor, newest: seen };
  const since = later(state.since, seen);
  return since ? { since } : {};
}
