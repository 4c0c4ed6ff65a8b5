import {
  onBoardDates,
  payloadsOf,
  plannedDeparture,
  type TradeGapRule,
} from '../../trade-gaps/contract';

const ENDED = new Set(['REJECTED', 'DECLINED', 'CANCELLED']);

/**
 * A confirmed booking is shipped once a B/L carries its on-board date: LC presentation,
 * Sinosure declaration and collection all start there. Due by the planned departure.
 */
const onBoardBl: TradeGapRule = {
  domain: 'logistics',
  code: 'logistics.on-board-bl',
  label: { en: 'no on-board B/L', zh: '尚无已装船提单' },
  find: (facts) => {
    const booking = payloadsOf<{ bookingNo: string; status: string }>(
      facts,
      'BookingConfirmation',
    ).at(-1);
    if (!booking || ENDED.has(booking.status) || onBoardDates(facts).length > 0) return [];
    return [{ subject: booking.bookingNo, due: plannedDeparture(facts) }];
  },
};

export const logisticsTradeGaps: readonly TradeGapRule[] = [onBoardBl];
