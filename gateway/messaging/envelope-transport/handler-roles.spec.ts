import { TradeError } from '../../../core/errors/trade-error';
import { consumedHere } from './handler-roles';

const queues = [{ name: 'commerce' }, { name: 'marketing' }, { name: 'delivery' }];

describe('consumedHere (HANDLERS)', () => {
  it('consumes every queue by default', () => {
    expect(consumedHere(queues, 'all').map((q) => q.name)).toEqual([
      'commerce',
      'marketing',
      'delivery',
    ]);
  });

  it('consumes only the named queues', () => {
    expect(consumedHere(queues, ['marketing', 'delivery']).map((q) => q.name)).toEqual([
      'marketing',
      'delivery',
    ]);
  });

  it('refuses a name no handler has, listing the known ones', () => {
    expect(() => consumedHere(queues, ['commerce', 'marketting'])).toThrow(TradeError);
    expect(() => consumedHere(queues, ['marketting'])).toThrow(
      'HANDLERS names "marketting", which no handler has; known: commerce, delivery, marketing',
    );
  });
});
