import { reversalFor } from './order-reversal';

describe('reversing a cancelled or returned order', () => {
  it('cancels an order with no declaration or only a draft: nothing was filed', () => {
    expect(reversalFor('cancelled', undefined)).toEqual({ action: 'cancel-draft' });
    expect(reversalFor('cancelled', { state: 'DRAFT', supervisionMode: '9610' })).toEqual({
      action: 'cancel-draft',
    });
    expect(reversalFor('returned', { state: 'DRAFT', supervisionMode: '9610' }).action).toBe(
      'cancel-draft',
    );
  });

  it.each(['DECLARED', 'ENTERED', 'REVIEWED', 'INSPECTION'] as const)(
    'withdraws a 9610 or 9710 list that is %s with customs (CEB605)',
    (state) => {
      expect(reversalFor('cancelled', { state, supervisionMode: '9610' })).toEqual({
        action: 'cancel-list',
      });
      expect(reversalFor('cancelled', { state, supervisionMode: '9710' }).action).toBe(
        'cancel-list',
      );
    },
  );

  it('files nothing per order for 9810 goods on the bulk shipment, and says so', () => {
    const decided = reversalFor('cancelled', { state: 'ENTERED', supervisionMode: '9810' });
    expect(decided).toMatchObject({ action: 'note', note: expect.stringMatching(/9810/) });
  });

  it.each([
    ['cancelled', 'RELEASED'],
    ['cancelled', 'CLOSED'],
    ['returned', 'RELEASED'],
    ['returned', 'ENTERED'],
  ] as const)('leaves an order %s after %s to an operator with what to do', (kind, state) => {
    const decided = reversalFor(kind, { state, supervisionMode: '9610' });
    expect(decided).toMatchObject({
      action: 'alert',
      todo: expect.stringContaining(`order ${kind} after its list was ${state}: file the return`),
    });
  });

  it('does nothing the second time: the declaration is already being cancelled', () => {
    for (const state of ['CANCELLING', 'CANCELLED'] as const)
      expect(reversalFor('cancelled', { state, supervisionMode: '9610' }).action).toBe('none');
  });
});
