import { parseOnlyReason } from './parse-only';

describe('parse-only message types', () => {
  it.each([
    ['edifact', 'BAPLIE', /bay plan/],
    ['edifact', 'PAORES', /not a trade document/],
    ['edifact', 'CUSCAR', /customs cargo report/],
    ['edifact', 'APERAK', /acknowledgement/],
    ['x12', '997', /acknowledgement/],
    ['swift-mt', 'MT999', /free-format bank message/],
  ])('%s %s is accounted for', (format, messageType, why) => {
    expect(parseOnlyReason({ format, messageType } as never)).toMatch(why);
  });

  it('leaves a business document without a mapping unexplained', () => {
    expect(parseOnlyReason({ format: 'edifact', messageType: 'DESADV' })).toBeUndefined();
    expect(parseOnlyReason(undefined)).toBeUndefined();
  });
});
