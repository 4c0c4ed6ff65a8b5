import { JsonNode } from './json-node';
import { dateTime, optDate, optDateTime } from './json-values';

describe('JSON date readers under strict and lenient checks', () => {
  const tree = { event: { created: 'CREATED_DATE', day: '2025-13-01', at: 'DEPARTURE_DATE' } };

  it('refuses an unparseable optional value at its pointer under strict checks', () => {
    const event = JsonNode.root(tree).object('event');
    expect(() => optDateTime(event, 'created')).toThrow(
      expect.objectContaining({ location: { pointer: '/event/created' } }),
    );
    expect(() => optDate(event, 'day')).toThrow(/is not a date YYYY-MM-DD/);
  });

  it('leaves an unparseable optional value out with a located warning under lenient checks', () => {
    const warnings: string[] = [];
    const event = JsonNode.root(tree, warnings).object('event');
    expect(optDateTime(event, 'created')).toBeUndefined();
    expect(optDate(event, 'day')).toBeUndefined();
    expect(warnings).toEqual([
      '/event/created: "CREATED_DATE" is not an ISO 8601 date-time with zone: left out (optional)',
      '/event/day: "2025-13-01" is not a date YYYY-MM-DD: left out (optional)',
    ]);
  });

  it('refuses an unparseable required value whatever the checks', () => {
    const event = JsonNode.root(tree, []).object('event');
    expect(() => dateTime(event, 'at')).toThrow(
      expect.objectContaining({
        message: '/event/at: "DEPARTURE_DATE" is not an ISO 8601 date-time with zone (required)',
        location: { pointer: '/event/at' },
      }),
    );
    expect(() => dateTime(event, 'missing')).toThrow(/is required/);
  });
});
