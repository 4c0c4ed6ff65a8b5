import { TradeError } from '../../core/errors/trade-error';
import { shopFlow } from './shop-settings';

describe('shop flow settings', () => {
  it('a bonded-import shop enters its orders under 1210', () => {
    expect(shopFlow({ fulfilment: 'bonded' }).customsMode).toBe('1210');
    expect(shopFlow({ fulfilment: 'bonded', customsMode: '1210' })).toMatchObject({
      fulfilment: 'bonded',
      customsMode: '1210',
    });
  });

  it('holds bonded shops to the import modes and export shops to the export modes', () => {
    expect(() => shopFlow({ fulfilment: 'bonded', customsMode: '9610' })).toThrow(TradeError);
    expect(() => shopFlow({ fulfilment: 'direct', customsMode: '1210' })).toThrow(
      /expected one of 9610, 9710, 9810/,
    );
    expect(shopFlow({ fulfilment: 'direct' }).customsMode).toBe('9610');
    expect(
      shopFlow({ fulfilment: 'warehouse', warehousePartnerId: 'w', warehouseCode: 'c' })
        .customsMode,
    ).toBe('9810');
  });
});
