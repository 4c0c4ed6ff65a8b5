import { TradeError } from '../../core/errors/trade-error';
import type { Party } from '../../core/model/values/party.schema';
import type { MappingContext } from '../../core/translation/contract';
import { settingChoice, settingString } from '../json-support/mapping-settings';

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
    // A shop TradeHub fulfils for states its (checked) mode on every order, for clearance.
    customsMode:
      s?.fulfilment === undefined ? settingString(s, 'customsMode') : shopFlow(s).customsMode,
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

/** Supervision modes an export shop's orders may leave under (primer §10): each has its own CEB set. */
export const EXPORT_CUSTOMS_MODES = ['9610', '9710', '9810'] as const;

/**
 * Supervision modes a bonded-import shop's orders enter under: 1210 (保税电商), stock already
 * in a Chinese bonded zone, each consumer order cleared by its CEB311 order and CEB621 list.
 */
export const IMPORT_CUSTOMS_MODES = ['1210'] as const;

/**
 * How a shop's orders are fulfilled, from the same mapping settings: `fulfilment:
 * warehouse` ships from overseas warehouse stock (a fulfilment order to `warehousePartnerId`,
 * warehouse `warehouseCode`), `fulfilment: direct` ships each parcel from China (a shipment to
 * book), `fulfilment: bonded` sells imported stock held in a Chinese bonded zone (1210: the
 * clearance service files each order's import list; the zone ships once customs releases it).
 * Absent: TradeHub triggers no fulfilment for the shop.
 */
export interface ShopFlow {
  fulfilment?: 'warehouse' | 'direct' | 'bonded';
  warehousePartnerId?: string;
  warehouseCode?: string;
  /** The warehouse's provider name on the fulfilment order; the partner id when absent. */
  warehouseProvider?: string;
  shippingService?: string;
  customsMode?: (typeof EXPORT_CUSTOMS_MODES)[number] | (typeof IMPORT_CUSTOMS_MODES)[number];
}

/**
 * The shop's flow settings, checked: a warehouse shop names its warehouse, and an export shop's
 * supervision mode is one of 9610/9710/9810. Throws a config TradeError naming the setting.
 */
export function shopFlow(settings: Record<string, unknown> | undefined): ShopFlow {
  const fulfilment =
    settings?.fulfilment === undefined
      ? undefined
      : settingChoice(settings, 'fulfilment', ['warehouse', 'direct', 'bonded'], 'direct');
  // Only a shop TradeHub fulfils for is held to the modes. Unstated, stock sold from an
  // overseas warehouse left China under 9810, a parcel sent direct leaves under 9610 and a
  // bonded-zone parcel enters under 1210.
  const customsMode =
    fulfilment === 'bonded'
      ? settingChoice(settings, 'customsMode', IMPORT_CUSTOMS_MODES, '1210')
      : fulfilment
        ? settingChoice(
            settings,
            'customsMode',
            EXPORT_CUSTOMS_MODES,
            fulfilment === 'warehouse' ? '9810' : '9610',
          )
        : undefined;
  const flow: ShopFlow = {
    fulfilment,
    warehousePartnerId: settingString(settings, 'warehousePartnerId'),
    warehouseCode: settingString(settings, 'warehouseCode'),
    warehouseProvider: settingString(settings, 'warehouseProvider'),
    shippingService: settingString(settings, 'shippingService'),
    customsMode,
  };
  if (fulfilment === 'warehouse' && !(flow.warehousePartnerId && flow.warehouseCode)) {
    throw new TradeError(
      'config',
      'a warehouse shop needs the settings "warehousePartnerId" and "warehouseCode"',
      { stage: 'map', code: 'BAD_SETTING' },
    );
  }
  return flow;
}
