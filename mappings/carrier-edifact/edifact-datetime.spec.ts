import { TradeError } from '../../core/errors/trade-error';
import { EdifactSegment } from '../codecs/edifact';
import { pickEventDate } from './dtm-qualifiers';
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
});

describe('pickEventDate', () => {
  it('prefers an actual time over an estimate and never takes the document date', () => {
    const dates = [
      dtm('137', '202504210930'),
      dtm('132', '202505061800'),
      dtm('178', '202505062000'),
    ];
    expect(pickEventDate(dates.map((d) => readDtm(d, '+00:00')))?.qualifier).toBe('178');
    expect(pickEventDate(dates.slice(0, 2).map((d) => readDtm(d, '+00:00')))?.qualifier).toBe(
      '132',
    );
    expect(pickEventDate(dates.slice(0, 1).map((d) => readDtm(d, '+00:00')))).toBeUndefined();
  });
});

describe('outbound dates', () => {
  it('writes an instant in the partner zone as 203 and a calendar date as 102', () => {
    expect(toDtm203('2025-04-16T03:00:00Z', '+08:00')).toBe('202504161100');
    expect(toDtm203('2025-04-16T11:00:00+08:00', '-05:30')).toBe('202504152130');
    expect(toDtm102('2025-04-20')).toBe('20250420');
  });
});
