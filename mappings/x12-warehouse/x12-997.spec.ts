import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import { parseX12, x12Codec } from '../codecs/x12';
import { toDecodedMessage } from '../codecs/x12/x12-message';
import { exampleUs3plSettings } from './example-3pl.settings';
import { acknowledgeX12, type AcknowledgeOptions } from './x12-997.acknowledge';
import { readFunctionalAck } from './x12-997.reader';

const golden = (...p: string[]) => join(__dirname, 'golden', ...p);
const text = (...p: string[]) => readFileSync(golden(...p), 'utf8');
const options: AcknowledgeOptions = {
  settings: exampleUs3plSettings,
  partnerId: 'pacific-crest',
  controlNumber: 5001,
  at: '2025-03-15T21:12:30Z',
};
const decode = (edi: string) =>
  x12Codec.decode(Buffer.from(edi), x12Codec.detect(Buffer.from(edi))!);
const shippingAdvice = readFileSync(join(__dirname, '../x12-945/golden/parcel-short-ship.edi'));

describe('acknowledgeX12', () => {
  const cases = readdirSync(golden('ack')).filter((f) => !f.includes('.expected'));

  it.each(cases)('answers golden case %s', (file) => {
    const ack = acknowledgeX12(readFileSync(golden('ack', file)), options);
    expect(ack?.toString('utf8')).toBe(text('ack', file.replace('.edi', '.expected.edi')));
  });

  it('addresses the 997 with the settings ids, in the received separators and usage', () => {
    const received = shippingAdvice.toString('utf8').replace(/~\n/g, '|').replace('*>|', '*:|');
    const ack = acknowledgeX12(received, options)!.toString();
    expect(ack.startsWith('ISA*00*          *00*          *ZZ*TRADEHUB       *12*5625550100')).toBe(
      true,
    );
    expect(ack).toContain('*000005001*0*T*:|GS*FA*TRADEHUB*5625550100*20250315*1412*5001*');
    expect(ack).toContain('|AK1*SW*731|AK2*945*0001|AK5*A|AK9*A*1*1*1|');
  });

  it('takes parsed interchanges and gives each its own control number', () => {
    const two = shippingAdvice.toString() + shippingAdvice.toString();
    const fromText = acknowledgeX12(two, options)!.toString();
    expect(acknowledgeX12(parseX12(two), options)!.toString()).toBe(fromText);
    expect(fromText.match(/IEA\*1\*\d+/g)).toEqual(['IEA*1*000005001', 'IEA*1*000005002']);
  });

  it('never acknowledges a 997', () => {
    expect(acknowledgeX12(text('997-in', 'partial-940-group.edi'), options)).toBeNull();
  });

  it('re-reads its own 997 with readFunctionalAck', () => {
    const ack = acknowledgeX12(text('ack', 'receipt-and-bad-shipping-advice.edi'), options)!;
    const results = decode(ack.toString()).map(readFunctionalAck);
    expect(results.map((r) => [r.functionalId, r.groupControlNumber, r.accepted])).toEqual([
      ['RE', '760', true],
      ['SW', '761', false],
    ]);
    expect(results[1].setResults[0].segmentErrors).toEqual([
      {
        segmentId: 'W06',
        position: 2,
        code: '8',
        elements: [{ position: '3', elementRef: '373', code: '8', badValue: '20250231' }],
      },
      { segmentId: 'W27', position: 3, code: '3', elements: [] },
    ]);
  });

  it('refuses broken settings as a config error', () => {
    const err = (() => {
      try {
        acknowledgeX12(shippingAdvice, { ...options, settings: { provider: 'x' } });
      } catch (e) {
        return e as TradeError;
      }
    })();
    expect(err).toMatchObject({ kind: 'config', code: 'X12_SETTINGS' });
  });
});

describe('readFunctionalAck', () => {
  it('reads a partner 997 that accepts one 940 of two (golden)', () => {
    const [message] = decode(text('997-in', 'partial-940-group.edi'));
    expect(readFunctionalAck(message)).toEqual(
      JSON.parse(text('997-in', 'partial-940-group.expected.json')),
    );
  });

  it('refuses a set that is not a 997, and a 997 without AK9, at a located segment', () => {
    const [notAck] = decode(shippingAdvice.toString());
    expect(() => readFunctionalAck(notAck)).toThrow(/set 945 is not a 997/);
    // The codec rejects a 997 without AK9; a lenient parse shows the reader's own check.
    const noAk9 = text('997-in', 'partial-940-group.edi')
      .replace('AK9*P*2*2*1~\n', '')
      .replace('SE*10', 'SE*9');
    const [ic] = parseX12(noAk9);
    const message = toDecodedMessage(ic.groups[0].sets[0], ic.groups[0], ic, 0);
    let err: TradeError | undefined;
    try {
      readFunctionalAck(message);
    } catch (e) {
      err = e as TradeError;
    }
    expect(err).toMatchObject({ kind: 'mapping', stage: 'map', location: { segmentTag: 'ST' } });
  });
});
