import type { Party } from '../../core/model/values/party.schema';
import type { MappingContext } from '../../core/translation/contract';
import { settingString } from '../json-support/mapping-settings';

/**
 * What a marketplace partner's mapping settings say about its shop (one partner per shop or
 * seller account): its id, the exporter behind it and, for export shops, the China customs
 * supervision mode its parcels leave under (9610 cross-border B2C, 9810 via overseas warehouse).
 */
export interface ShopSettings {
  shopId?: string;
  customsMode?: string;
  seller(platform: string): Party;
}

export function shopSettings(ctx: MappingContext): ShopSettings {
  const s = ctx.settings;
  const shopId = settingString(s, 'shopId');
  const uscc = settingString(s, 'sellerUscc');
  const country = settingString(s, 'sellerCountry');
  return {
    shopId,
    customsMode: settingString(s, 'customsMode'),
    seller: (platform) => ({
      name: settingString(s, 'sellerName') ?? `${platform} shop ${shopId ?? ctx.partnerId}`,
      identifiers: [
        { scheme: 'SHOP', value: shopId ?? ctx.partnerId, platform },
        ...(uscc ? [{ scheme: 'USCC' as const, value: uscc }] : []),
      ],
      address: country ? { country } : undefined,
    }),
  };
}
