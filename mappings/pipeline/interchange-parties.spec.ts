import type { DecodedMessage } from '../../core/translation/contract';
import { describeMismatch, mismatchedParty, ourIdentifiers } from './interchange-parties';

const edifact = (senderId: string, recipientId = 'TRADEHUBCN'): DecodedMessage => ({
  detection: { format: 'edifact', standard: 'UN/EDIFACT', messageType: 'IFTSTA' },
  index: 0,
  tree: {},
  interchange: { senderId, senderQualifier: 'ZZZ', recipientId, recipientQualifier: 'ZZZ' },
});
const sino = [{ scheme: 'UNB', value: 'SINOLINES', qualifier: 'ZZZ' }];
const ours = ourIdentifiers([{ senderId: 'TRADEHUBCN', senderQualifier: 'ZZZ' }]);

describe('interchange parties against the partner record', () => {
  it('takes the partner as sender and us as recipient', () => {
    expect(mismatchedParty(edifact('SINOLINES'), sino, ours)).toBeUndefined();
  });

  it('names a foreign UNB sender with what the record expects (CONTRL code 23)', () => {
    const mismatch = mismatchedParty(edifact('SENDER'), sino, ours)!;
    expect(mismatch).toEqual({
      role: 'sender',
      scheme: 'UNB',
      found: 'SENDER:ZZZ',
      expected: ['SINOLINES:ZZZ'],
      syntaxCode: '23',
    });
    expect(describeMismatch(mismatch, 'sino-ocean-lines')).toContain(
      'interchange sender SENDER:ZZZ (UNB) is not partner sino-ocean-lines (SINOLINES:ZZZ)',
    );
  });

  it('names a recipient that is not us (code 7)', () => {
    expect(mismatchedParty(edifact('SINOLINES', 'OTHERHUB'), sino, ours)).toMatchObject({
      role: 'recipient',
      syntaxCode: '7',
    });
  });

  it('checks ISA and GS ids of X12', () => {
    const x12: DecodedMessage = {
      detection: { format: 'x12', standard: 'ANSI X12', messageType: '945' },
      index: 0,
      tree: { group: { senderCode: 'OTHER3PL', receiverCode: 'TRADEHUB' } },
      interchange: { senderId: '078123456', senderQualifier: '01' },
    };
    const keystone = [
      { scheme: 'ISA', value: '078123456', qualifier: '01' },
      { scheme: 'GS', value: 'KEYSTONE3PL' },
    ];
    expect(mismatchedParty(x12, keystone, [])).toMatchObject({ scheme: 'GS', found: 'OTHER3PL' });
  });

  it('compares an MT logical terminal with the BIC, not its terminal letter', () => {
    const mt = (lt: string): DecodedMessage => ({
      detection: { format: 'swift-mt', standard: 'SWIFT MT', messageType: 'MT940' },
      index: 0,
      tree: {},
      interchange: { senderId: lt },
    });
    const bank = [{ scheme: 'BIC', value: 'BKCHCNBJ' }];
    expect(mismatchedParty(mt('BKCHCNBJAXXX'), bank, [])).toBeUndefined();
    expect(mismatchedParty(mt('DEUTDEFFAXXX'), bank, [])).toMatchObject({ scheme: 'BIC' });
  });

  it('does not check what the record has no identifiers for', () => {
    expect(mismatchedParty(edifact('ANYONE', 'ANYONE'), [], [])).toBeUndefined();
  });
});
