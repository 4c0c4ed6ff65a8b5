import { createHash } from 'node:crypto';
import type { InboundPoller, PollContext, PollResult } from '../../core/connector/contract';
import { TradeError } from '../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { PartnerHttpClient, type PartnerHttpOptions } from '../transports/http/partner-http.client';
import { parseTransportSettings, softFail } from '../transports/http/transport-settings';
import { storePolled } from '../transports/http/poll-intake';
import { fpxData } from './fpx-answer';
import { WarehouseInventoryPollSettingsSchema } from './warehouse-settings.schema';

/**
 * The periodic stock query: for each configured warehouse (or all), page by page, each page
 * stored raw for the WarehouseInventory mapping. A page identical to the one stored last time
 * is not stored again (the stock did not move). Error answers are not stored: they are thrown.
 */
export class WarehouseInventoryPoller implements InboundPoller {
  readonly kind = 'warehouse-inventory-poll';

  constructor(private readonly httpOptions: PartnerHttpOptions = {}) {}

  async poll(partner: PartnerRecord, raw: PartnerTransport, ctx: PollContext): Promise<PollResult> {
    const settings = parseTransportSettings(
      WarehouseInventoryPollSettingsSchema,
      raw,
      partner,
      'receive',
    );
    if (settings.dialect !== '4px') {
      throw new TradeError(
        'config',
        `warehouse dialect ${settings.dialect} has no inventory query`,
        {
          stage: 'receive',
        },
      );
    }
    const client = new PartnerHttpClient(settings, { ...this.httpOptions, stage: 'receive' });
    const codes = settings.warehouseCodes.length > 0 ? settings.warehouseCodes : [undefined];
    let received = 0;
    for (const code of codes) {
      for (let pageNo = 1; pageNo <= settings.maxPages; pageNo++) {
        if (ctx.signal.aborted) return { received, deferred: 1 };
        const body = JSON.stringify({
          warehouse_code: code,
          page_no: pageNo,
          page_size: settings.pageSize,
        });
        let text: string;
        try {
          text = (await client.request({ method: 'POST', body, apiMethod: settings.method })).text;
        } catch (err) {
          return softFail(err, received);
        }
        const data = fpxData(text, `${settings.method} ${settings.baseUrl}`, 'receive');
        if (await this.changed(ctx, partner.id, code, pageNo, text)) {
          await storePolled(ctx, partner, settings.kind, {
            text,
            meta: { warehouseCode: code ?? null, pageNo },
          });
          received++;
          await ctx.state.set(stateKey(partner.id, code, pageNo), hashOf(text));
        }
        if (pageNo * settings.pageSize >= Number(data.total ?? 0)) break;
      }
    }
    return { received, deferred: 0 };
  }

  private async changed(
    ctx: PollContext,
    partnerId: string,
    code: string | undefined,
    pageNo: number,
    text: string,
  ): Promise<boolean> {
    return (await ctx.state.get(stateKey(partnerId, code, pageNo))) !== hashOf(text);
  }
}

const stateKey = (partnerId: string, code: string | undefined, pageNo: number) =>
  `warehouse-inventory:${partnerId}:${code ?? '*'}:${pageNo}`;

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
