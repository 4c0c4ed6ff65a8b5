import { DcsaTntSettingsSchema } from './dcsa-settings.schema';
import { nextCursorOf, readTntPage, tntRef } from './tnt-page';
import { tntQuery } from './tnt-poll-state';

const response = (text: string, headers: Record<string, string> = {}) => ({
  status: 200,
  headers,
  text,
  url: 'https://carrier.example/v2/events',
});

describe('T&T pages', () => {
  it('finds the next cursor in Next-Page-Cursor, Next-Page (value or link) and Link', () => {
    expect(nextCursorOf({ 'next-page-cursor': 'abc' })).toBe('abc');
    expect(nextCursorOf({ 'next-page': 'fE9mZnNldHw9NSZsaW1pdD01' })).toBe(
      'fE9mZnNldHw9NSZsaW1pdD01',
    );
    expect(nextCursorOf({ 'next-page': '/v2/events?cursor=x%3D1&limit=5' })).toBe('x=1');
    expect(nextCursorOf({ link: '<https://c.example/events?cursor=n2>; rel="next"' })).toBe('n2');
    expect(nextCursorOf({ 'current-page': 'c1' })).toBeUndefined();
  });

  it('reads 2.2 arrays and 3.0 { events }, newest time and a content reference', () => {
    const v22 = readTntPage(
      response(
        JSON.stringify([
          { eventID: 'a', eventCreatedDateTime: '2026-03-01T10:00:00+08:00' },
          { eventID: 'b', eventCreatedDateTime: '2026-03-01T03:00:00Z' },
        ]),
        { 'next-page': 'c2' },
      ),
    );
    expect(v22).toMatchObject({ eventCount: 2, nextCursor: 'c2', newest: '2026-03-01T03:00:00Z' });
    const v30 = readTntPage(
      response(
        JSON.stringify({
          events: [{ eventID: 'a', eventUpdatedDateTime: '2026-03-02T00:00:00Z' }],
        }),
      ),
    );
    expect(v30).toMatchObject({ eventCount: 1, newest: '2026-03-02T00:00:00Z' });
    expect(readTntPage(response('<html>'))).toEqual({ eventCount: -1, nextCursor: undefined });
    expect(readTntPage(response('[]')).eventCount).toBe(0);
  });

  it('names a page by its events and their times, in any order', () => {
    const a = { eventID: 'a', eventCreatedDateTime: '2026-03-01T00:00:00Z' };
    const b = { eventID: 'b', eventUpdatedDateTime: '2026-03-01T01:00:00Z' };
    expect(tntRef([a, b])).toBe(tntRef([b, a]));
    expect(tntRef([a, { ...b, eventUpdatedDateTime: '2026-03-01T02:00:00Z' }])).not.toBe(
      tntRef([a, b]),
    );
    expect(tntRef([{ eventType: 'SHIPMENT' }])).toBeUndefined();
  });

  it('queries after the bound: 2.2 with :gt, 3.0 with an inclusive minimum one ms later', () => {
    const base = {
      kind: 'dcsa-tnt',
      baseUrl: 'https://c.example/v2',
      filters: { carrierBookingReference: 'B1' },
    };
    const v22 = DcsaTntSettingsSchema.parse(base);
    const v30 = DcsaTntSettingsSchema.parse({ ...base, tntVersion: '3.0', limit: 50 });
    const since = '2026-03-01T10:00:00Z';
    expect(tntQuery(v22, { since, cursor: 'c2' })).toEqual({
      carrierBookingReference: 'B1',
      limit: '100',
      'eventCreatedDateTime:gt': since,
      cursor: 'c2',
    });
    expect(tntQuery(v30, { since })).toEqual({
      carrierBookingReference: 'B1',
      limit: '50',
      eventUpdatedDateTimeMin: '2026-03-01T10:00:00.001Z',
    });
  });
});
