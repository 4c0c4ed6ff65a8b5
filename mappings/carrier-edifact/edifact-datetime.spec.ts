import { TradeError } from '../../core/errors/trade-error';
import { EdifactSegment } from '../codecs/edifact';
import { classifierOf, pickEventDate } from './dtm-qualifiers';
import { readDtm, toDtm102, toDtm203 } from './edifact-datetime';

const dtm = (...c507: string[]) => new EdifactSegment('DTM', [c507], 9, 120, 4);

describe('readDtm', () => {
  it.each([
    [['137', '202504210930', '203'], '+08:00', '2025-04-21T09:30:00+08:00'],
    [['137', '20250421093015', '204'], '+08:00', '2025-04-21T09:30:15+08:00'],
    [['137', '2504210930', '201'], '+00:00', '2025-04-21T09:30:00+00:00'],
    [['2', '20250421', '102'], '-05:00', '2025-04-21T00:00:00-05:00'],
    [['334', '202505061802UTC', '303'], '+08:00', '2025-05-06T18:02:00+00:00'],
    [['334', '202505061802+0930', '303'], '+08:00', '2025-05-06T18:02:00+09:30'],
    [['334', '20250506180259-5', '304'], '+08:00', '2025-05-06T18:02:59-05:00'],
    [['178', '202505061500'], '+09:00', '2025-05-06T15:00:00+09:00'],
  ])('reads %j in zone %s as %s', (c507, zone, iso) => {
    expect(readDtm(dtm(...c507), zone).iso).toBe(iso);
  });

  it.each([
    [['137', '202513210930', '203'], /not a valid date/],
    [['137', '2025042109', '203'], /does not match format 203/],
    [['137', '202504210930', '718'], /format 718 is not supported/],
    [['137', '202504210930CET', '303'], /time zone "CET"/],
    [['137'], /has no date/],
  ])('refuses %j with a located mapping error', (c507, message) => {
    let caught: unknown;
    try {
      readDtm(dtm(...c507), '+00:00');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TradeError);
    expect(caught).toMatchObject({
      kind: 'mapping',
      stage: 'map',
      location: { segmentIndex: 9, segmentTag: 'DTM', line: 4 },
    });
    expect((caught as Error).message).toMatch(message);
  });

  it('reads a longer well-formed value under lenient checks with a warning, strict refuses it', () => {
    const long = dtm('137', '199910060000', '102');
    expect(() => readDtm(long, '+00:00')).toThrow(/"199910060000" does not match format 102/);
    const warnings: string[] = [];
    expect(readDtm(long, '+01:00', warnings)).toMatchObject({
      iso: '1999-10-06T00:00:00+01:00',
      dateOnly: false,
    });
    expect(warnings).toEqual([
      'segment 9 DTM 137: "199910060000" is longer than format 102: read as 203',
    ]);
    // Only a longer form with the same century rule: 10 digits under 102 would be YYMMDDHHMM.
    expect(() => readDtm(dtm('137', '9910060000', '102'), '+00:00', [])).toThrow(
      /does not match format 102/,
    );
    expect(() => readDtm(dtm('137', '1999100600', '203'), '+00:00', [])).toThrow(
      /does not match format 203/,
    );
  });
});

describe('pickEventDate', () => {
  it('prefers an actual time over an estimate and never takes the document date', () => {
    const dates = [
      dtm('137', '202504210930'),
      dtm('132', '202505061800'),
      dtm('178', '202505062000'),
    ];
    const pick = (ds: typeof dates) =>
      pickEventDate(
        ds.map((d) => readDtm(d, '+00:00')),
        [],
      );
    expect(pick(dates)?.qualifier).toBe('178');
    expect(pick(dates.slice(0, 2))?.qualifier).toBe('132');
    expect(pick(dates.slice(0, 1))).toBeUndefined();
  });

  // STS+1+D with DTM+2 (delivery requested) was an actual drop in the future.
  it.each([
    ['2', 'requested'],
    ['200', 'not read'],
    ['999', 'not read'],
  ])('never reads DTM %s as an event time, and says so', (qualifier, said) => {
    const warnings: string[] = [];
    expect(pickEventDate([readDtm(dtm(qualifier, '202601011200'), '+00:00')], warnings)).toBe(
      undefined,
    );
    expect(warnings).toEqual([expect.stringContaining(said)]);
  });

  it('takes a plan when no actual or estimate is there, past a requested date', () => {
    const dates = [dtm('2', '202601011200'), dtm('232', '202601021200')];
    const warnings: string[] = [];
    expect(
      pickEventDate(
        dates.map((d) => readDtm(d, 'UTC')),
        warnings,
      )?.qualifier,
    ).toBe('232');
    expect(classifierOf('232')).toBe('PLN');
    expect(warnings).toHaveLength(1);
  });
});

describe('partner time conventions', () => {
  it.each([
    // A fixed offset, an IANA zone in summer and in winter, and a 303 zone that wins.
    ['+08:00', dtm('178', '202507011200'), '2025-07-01T12:00:00+08:00'],
    ['America/Los_Angeles', dtm('178', '202507011200'), '2025-07-01T12:00:00-07:00'],
    ['America/Los_Angeles', dtm('178', '202501151200'), '2025-01-15T12:00:00-08:00'],
    ['UTC', dtm('178', '202501151200'), '2025-01-15T12:00:00+00:00'],
    ['+08:00', dtm('178', '202501151200-0500', '303'), '2025-01-15T12:00:00-05:00'],
  ])('in %s reads %s as %s', (zone, segment, iso) => {
    expect(readDtm(segment, zone).iso).toBe(iso);
  });
});

describe('outbound dates', () => {
  it('writes an instant in the partner zone as 203 and a calendar date as 102', () => {
    expect(toDtm203('2025-04-16T03:00:00Z', '+08:00')).toBe('202504161100');
    expect(toDtm203('2025-04-16T11:00:00+08:00', '-05:30')).toBe('202504152130');
    expect(toDtm102('2025-04-20')).toBe('20250420');
  });
});
