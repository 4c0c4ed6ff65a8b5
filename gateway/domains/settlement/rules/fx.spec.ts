import { deliver, exposure, type ForwardTerms } from './fx-forward';
import { settleFx } from './fx-settlement';

const forward: ForwardTerms = {
  direction: 'SELL_FX',
  amount: { amount: '100000.00', currency: 'USD' },
  quoteCurrency: 'CNY',
  rate: '7.1500',
  drawn: '0',
};

describe('FX forwards', () => {
  it('delivers a received payment at the forward rate and values it against spot', () => {
    // 40,000 x 7.15 = 286,000.00 CNY; at spot 7.10: 284,000.00; gain 2,000.00.
    expect(deliver(forward, '40000.00', '7.10')).toEqual({
      delivered: { amount: '40000.00', currency: 'USD' },
      atForward: { amount: '286000.00', currency: 'CNY' },
      atSpot: { amount: '284000.00', currency: 'CNY' },
      gainLoss: { amount: '2000.00', currency: 'CNY' },
    });
  });

  it('delivers no more than remains, and a loss when spot is above the forward', () => {
    // 30,000 remain; 30,000 x (7.15 - 7.2012) = -1,536.00 CNY.
    const result = deliver({ ...forward, drawn: '70000.00' }, '50000.00', '7.2012');
    expect(result.delivered.amount).toBe('30000.00');
    expect(result.gainLoss).toEqual({ amount: '-1536.00', currency: 'CNY' });
  });

  it('turns the sign for a forward purchase (售汇)', () => {
    const buy = { ...forward, direction: 'BUY_FX' as const };
    expect(deliver(buy, '10000.00', '7.20').gainLoss.amount).toBe('500.00');
  });

  it('sums what is still open per currency', () => {
    const eur = { ...forward, amount: { amount: '50000.00', currency: 'EUR' }, drawn: '20000.00' };
    expect(exposure([forward, { ...forward, drawn: '60000.00' }, eur])).toEqual({
      USD: { amount: '140000.00', currency: 'USD' },
      EUR: { amount: '30000.00', currency: 'EUR' },
    });
  });
});

describe('FX settlement (结汇)', () => {
  it('records the CNY amount and what the spread cost', () => {
    // 10,000 x 7.1020 = 71,020.00; reference 7.1120: spread 0.0100 / 7.1120 = 14.06 bps, 100.00 CNY.
    expect(settleFx({ amount: '10000.00', currency: 'USD' }, '7.1020', '7.1120')).toEqual({
      foreign: { amount: '10000.00', currency: 'USD' },
      bankRate: '7.1020',
      referenceRate: '7.1120',
      cny: { amount: '71020.00', currency: 'CNY' },
      spreadBps: '14.06',
      spreadCost: { amount: '100.00', currency: 'CNY' },
    });
  });
});
