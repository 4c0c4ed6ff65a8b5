import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allIssues, build997, parseX12, serializeX12, type Ack997Options } from './index';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const good = fixture('warehouse-multi-group.edi');
const options: Ack997Options = {
  controlNumber: 5001,
  groupControlNumber: 5001,
  date: '20250314',
  time: '0945',
};

function ackLines(text: string, opts: Partial<Ack997Options> = {}): string[] {
  const ack = build997(parseX12(text)[0], { ...options, ...opts });
  return serializeX12(ack).split('~\n').slice(2, -3);
}

describe('build997', () => {
  it('accepts every set of a clean interchange, one 997 per group, addressed back', () => {
    const ack = build997(parseX12(good)[0], options);
    expect(ack.sender).toEqual({ qualifier: 'ZZ', id: 'WHSE3PL' });
    expect(ack.groups[0]).toMatchObject({ functionalId: 'FA', receiverCode: 'TRADEHUB' });
    expect(ackLines(good)).toEqual([
      'ST*997*0001',
      'AK1*OW*101',
      'AK2*940*0001',
      'AK5*A',
      'AK2*940*0002',
      'AK5*A',
      'AK9*A*2*2*2',
      'SE*8*0001',
      'ST*997*0002',
      'AK1*SW*102',
      'AK2*945*0001',
      'AK5*A',
      'AK9*A*1*1*1',
      'SE*6*0002',
    ]);
  });

  it('reports rejected sets with AK3/AK4/AK5 codes and partial groups (golden)', () => {
    const bad = good
      .replace('SE*6*0002', 'SE*7*0002')
      .replace('W27*M*UPSN*UPS GROUND~\n', '')
      .replace('SE*8*0001', 'SE*7*0001')
      .replace('W06*F*SO-23990*20250313', 'W06*F*SO-23990*20250230');
    const ack = serializeX12(build997(parseX12(bad)[0], options));
    expect(ack).toBe(fixture('warehouse-multi-group.997.golden.edi'));
  });

  it('rejects the group on a wrong GE01 count and can leave accepted sets out', () => {
    const lines = ackLines(good.replace('GE*1*102', 'GE*2*102'), { reportAccepted: false });
    expect(lines.slice(-4)).toEqual(['ST*997*0002', 'AK1*SW*102', 'AK9*R*2*1*1*5', 'SE*4*0002']);
  });

  it('notes warnings as accepted with errors (E) when control numbers are relaxed', () => {
    const text = good.replace('SE*6*0002', 'SE*6*0009');
    const ack = build997(parseX12(text, { controlNumbers: 'warning' })[0], options);
    const lines = serializeX12(ack).split('~\n');
    expect(lines).toContain('AK5*E*3');
    expect(lines).toContain('AK9*E*2*2*2');
  });

  it('produces a 997 that parses clean against the 997 structure', () => {
    const parsed = parseX12(serializeX12(build997(parseX12(good)[0], options)));
    expect(allIssues(parsed)).toEqual([]);
    expect(parsed[0].groups[0].sets[0].structure).toBe('997/004010');
  });

  it('echoes GS08 and ST03 in AK1/AK2 for 005010', () => {
    const lines = serializeX12(
      build997(parseX12(fixture('inventory-alt-separators.edi'))[0], options),
    ).split("'");
    expect(lines).toContain('AK1|IB|202|005010');
    expect(lines).toContain('AK2|846|0001|005010');
  });
});
