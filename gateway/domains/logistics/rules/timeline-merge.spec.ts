import fc from 'fast-check';
import {
  shipmentEventIdentity,
  type ShipmentEvent,
} from '../../../../core/model/documents/logistics-event.schema';
import { etaMoved, shipmentEta } from './eta';
import { currentOf, milestoneSlot, sourceKey, type SlotEntry } from './timeline-merge';

const arrival = (
  classifier: ShipmentEvent['classifier'],
  eventDateTime: string,
  extra: Partial<ShipmentEvent> = {},
): ShipmentEvent => ({
  eventKind: 'TRANSPORT',
  classifier,
  eventCode: 'ARRI',
  eventDateTime,
  transportCall: { location: { unLocode: 'USLGB' } },
  transportDocumentRef: 'SNLNGB25040088',
  sourceStatusCode: 'VA',
  ...extra,
});

const entry = (e: ShipmentEvent, reportedAt: string, retracted = false): SlotEntry => ({
  identity: shipmentEventIdentity(e),
  classifier: e.classifier,
  eventDateTime: e.eventDateTime,
  reportedAt,
  retracted,
});

const plan = entry(arrival('PLN', '2025-05-05T08:00:00-07:00'), '2025-04-02T00:00:00Z');
const est1 = entry(arrival('EST', '2025-05-06T08:00:00-07:00'), '2025-04-10T00:00:00Z');
const est2 = entry(arrival('EST', '2025-05-07T20:00:00-07:00'), '2025-04-25T00:00:00Z');
const act = entry(arrival('ACT', '2025-05-07T21:10:00-07:00'), '2025-05-08T05:00:00Z');
// Reported after the actual, but an estimate: it must not win.
const lateEst = entry(arrival('EST', '2025-05-09T08:00:00-07:00'), '2025-05-09T00:00:00Z');

describe('timeline merge rules', () => {
  it('puts ACT, EST and PLN of one milestone into one slot, other milestones apart', () => {
    const slot = milestoneSlot(arrival('PLN', '2025-05-05T08:00:00-07:00'));
    expect(milestoneSlot(arrival('ACT', '2025-05-07T21:10:00-07:00'))).toBe(slot);
    expect(
      milestoneSlot(arrival('ACT', '2025-05-07T21:10:00-07:00', { eventCode: 'DEPA' })),
    ).not.toBe(slot);
    const elsewhere = arrival('EST', '2025-05-06T08:00:00-07:00', {
      transportCall: { location: { unLocode: 'USOAK' } },
    });
    expect(milestoneSlot(elsewhere)).not.toBe(slot);
  });

  it('keeps a plan until an estimate comes, and an estimate until the actual', () => {
    expect(currentOf([plan])).toBe(plan.identity);
    expect(currentOf([plan, est1])).toBe(est1.identity);
    expect(currentOf([plan, est1, act])).toBe(act.identity);
  });

  it('lets a newer estimate replace an older one, whichever arrives first', () => {
    expect(currentOf([est1, est2])).toBe(est2.identity);
    expect(currentOf([est2, est1])).toBe(est2.identity);
  });

  it('never lets an estimate or a plan reported after the actual overwrite it', () => {
    expect(currentOf([act, lateEst])).toBe(act.identity);
    expect(currentOf([act, { ...plan, reportedAt: '2025-06-01T00:00:00Z' }])).toBe(act.identity);
  });

  it('chooses the same current entry in any arrival order', () => {
    const all = [plan, est1, est2, act, lateEst];
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (order) => {
        expect(currentOf(order)).toBe(act.identity);
      }),
    );
  });

  it('drops a retracted entry and falls back to the best remaining one', () => {
    expect(currentOf([plan, est1, { ...act, retracted: true }])).toBe(est1.identity);
    expect(currentOf([{ ...plan, retracted: true }])).toBeUndefined();
  });

  it('gives one provenance key per partner report', () => {
    const e = arrival('ACT', '2025-05-07T21:10:00-07:00');
    expect(sourceKey('sino-ocean-lines', e)).toBe('sino-ocean-lines');
    expect(sourceKey('dcsa-hub', { ...e, sourceEventId: 'ev-1' })).toBe('dcsa-hub#ev-1');
  });
});

describe('ETA', () => {
  const arrivals = [
    {
      identity: 'a',
      classifier: 'EST' as const,
      eventDateTime: '2025-04-28T10:00:00+09:00',
      unLocode: 'KRPUS',
    },
    {
      identity: 'b',
      classifier: 'EST' as const,
      eventDateTime: '2025-05-06T08:00:00-07:00',
      unLocode: 'USLGB',
    },
  ];

  it('is the arrival at the port of discharge, else the last arrival of the voyage', () => {
    expect(shipmentEta(arrivals, 'USLGB')?.identity).toBe('b');
    expect(shipmentEta(arrivals)?.identity).toBe('b');
    expect(shipmentEta(arrivals, 'KRPUS')).toMatchObject({ identity: 'a', unLocode: 'KRPUS' });
    expect(shipmentEta(arrivals, 'DEHAM')).toBeUndefined();
  });

  it('moves when the time changes by a minute or more, not on a first ETA or a firmer one', () => {
    const eta = { at: '2025-05-06T08:00:00-07:00', classifier: 'EST' as const, identity: 'x' };
    expect(etaMoved(undefined, eta)).toBe(false);
    expect(etaMoved(eta, { ...eta, at: '2025-05-07T20:00:00-07:00' })).toBe(true);
    expect(etaMoved(eta, { ...eta, at: '2025-05-06T15:00:30Z', classifier: 'ACT' })).toBe(false);
    expect(etaMoved(eta, undefined)).toBe(false);
  });
});
