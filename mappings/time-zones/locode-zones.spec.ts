import { PORT_ZONES, zoneOfLocode } from './locode-zones';
import { isSupportedZone } from './zone-offset';

describe('UN/LOCODE -> IANA zone', () => {
  it.each([
    ['USLGB', 'America/Los_Angeles'], // a multi-zone country: from the port table
    ['USSYR', 'America/New_York'],
    ['CNNGB', 'Asia/Shanghai'], // China keeps Beijing time in every port
    ['SGSIN', 'Asia/Singapore'], // one zone: from the country
    ['INNSA', 'Asia/Kolkata'],
    ['KR PUS', 'Asia/Seoul'], // written with a space
  ])('%s is in %s', (locode, zone) => expect(zoneOfLocode(locode)).toBe(zone));

  it('knows no zone for an unlisted place of a multi-zone country', () => {
    expect(zoneOfLocode('USZZZ')).toBeUndefined();
    expect(zoneOfLocode('XXABC')).toBeUndefined();
  });

  it('lists only zones the runtime knows', () => {
    for (const zone of new Set(Object.values(PORT_ZONES))) expect(isSupportedZone(zone)).toBe(true);
  });
});
