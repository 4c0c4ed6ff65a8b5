import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseXml } from '../xml/xml-parse';
import { pain001Input } from './__fixtures__/pain001-input';
import { writePain001 } from './pain001-write';
import type { Pain001Version } from './pain001-types';

const versions: Pain001Version[] = ['pain.001.001.03', 'pain.001.001.09'];
const golden = (version: string) =>
  readFileSync(path.join(__dirname, '__fixtures__', `${version}.golden.xml`), 'utf8');

describe('writePain001', () => {
  it.each(versions)('writes %s equal to its golden file', (version) => {
    expect(writePain001(pain001Input(version)).toString('utf8')).toBe(golden(version));
  });

  it('computes NbOfTxs and CtrlSum in decimal arithmetic, per group and per payment', () => {
    const input = pain001Input('pain.001.001.09');
    input.payments[0].transactions[0].amount.value = '0.1';
    input.payments[0].transactions[1].amount.value = '0.2';
    const root = parseXml(writePain001(input)).root;
    // 0.1 + 0.2 in binary floating point would be 0.30000000000000004.
    expect(root.at('CstmrCdtTrfInitn', 'PmtInf', 'CtrlSum')!.text()).toBe('0.3');
    expect(root.at('CstmrCdtTrfInitn', 'GrpHdr', 'NbOfTxs')!.text()).toBe('3');
    expect(root.at('CstmrCdtTrfInitn', 'GrpHdr', 'CtrlSum')!.text()).toBe('100000.30');
  });

  it('names the agent BIC by version: BIC in .03, BICFI in .09', () => {
    const agent = (version: Pain001Version) =>
      parseXml(writePain001(pain001Input(version)))
        .root.at('CstmrCdtTrfInitn', 'PmtInf', 'DbtrAgt', 'FinInstnId')!
        .elements()[0].local;
    expect(agent('pain.001.001.03')).toBe('BIC');
    expect(agent('pain.001.001.09')).toBe('BICFI');
  });

  it('refuses a float-looking amount, a UETR in .03 and an empty payment, located', () => {
    const bad = pain001Input('pain.001.001.03');
    bad.payments[1].transactions[0].amount.value = '1e5';
    expect(() => writePain001(bad)).toThrow(
      expect.objectContaining({
        kind: 'mapping',
        location: { xpath: '/Document/CstmrCdtTrfInitn/PmtInf[2]/CdtTrfTxInf[1]/Amt' },
      }),
    );
    const uetr = pain001Input('pain.001.001.03');
    uetr.payments[0].transactions[0].uetr = 'eb6305c9-1f7f-49de-aed0-16487c27b42d';
    expect(() => writePain001(uetr)).toThrow(/UETR needs pain.001.001.09/);
    const empty = pain001Input('pain.001.001.09');
    empty.payments[0].transactions = [];
    expect(() => writePain001(empty)).toThrow(/at least one transaction/);
  });
});
