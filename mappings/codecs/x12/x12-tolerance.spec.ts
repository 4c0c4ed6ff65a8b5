import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../../core/errors/trade-error';
import { allIssues, decodeX12, parseX12, unwrapLines } from './x12.parser';

// Deviations real partners send: control numbers without their leading zeros and
// interchanges wrapped at 80 columns. Strict refuses both; a partner's tolerance accepts them
// with a warning.
const edi = readFileSync(join(__dirname, '__fixtures__', 'warehouse-multi-group.edi'), 'latin1');
const oneLine = edi.replace(/\r?\n/g, '');
const wrap80 = (text: string) => text.match(/.{1,80}/g)!.join('\r\n');

function thrown(run: () => unknown): TradeError {
  try {
    run();
  } catch (err) {
    return err as TradeError;
  }
  throw new Error('expected a refusal');
}

describe('X12 control numbers without leading zeros', () => {
  const unpadded = edi.replace('IEA*2*000000101~', 'IEA*2*101~');

  it('refuses them in strict mode, saying what differs', () => {
    expect(unpadded).not.toBe(edi);
    const err = thrown(() => decodeX12(unpadded));
    expect(err.message).toContain(
      "IEA02 '101' matches ISA13 '000000101' only without leading zeros",
    );
    expect(err.location).toMatchObject({ segmentTag: 'IEA' });
  });

  it('accepts them with a warning where the partner tolerates mismatches', () => {
    const [ic] = decodeX12(unpadded, { controlNumbers: 'warning' });
    expect(ic.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'IEA02_CONTROL' }),
    ]);
  });
});

describe('X12 wrapped at 80 columns', () => {
  const wrapped = wrap80(oneLine);

  it('splits the ISA across lines and segments inside lines', () => {
    expect(wrapped.split('\r\n')[0]).toHaveLength(80);
    expect(wrapped.split('\r\n')[1].startsWith('ISA')).toBe(false);
  });

  it('is refused in strict mode', () => {
    expect(thrown(() => decodeX12(wrapped))).toBeInstanceOf(TradeError);
  });

  it('is read with a warning when the partner allows unwrapping', () => {
    const interchanges = decodeX12(wrapped, { lineWrap: 'unwrap' });
    const strict = decodeX12(oneLine);
    expect(interchanges.map((ic) => ic.groups.length)).toEqual(
      strict.map((ic) => ic.groups.length),
    );
    expect(allIssues(interchanges)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'LINE_WRAPPED' }),
    ]);
  });

  it('leaves alone files whose line breaks follow segment terminators', () => {
    expect(unwrapLines(edi)).toBeUndefined();
    expect(unwrapLines(oneLine)).toBeUndefined();
    expect(parseX12(edi, { lineWrap: 'unwrap' }).flatMap((ic) => ic.issues)).toEqual([]);
  });

  it('leaves alone files whose segment terminator is the line break itself', () => {
    const newlines = oneLine.replace(/~/g, '\n').replace(/^(.{105})./, '$1\n');
    expect(unwrapLines(newlines)).toBeUndefined();
  });
});

describe('X12 envelope counts that are wrong', () => {
  // SE01 one too many (a segment the sender dropped without recounting): strict refuses it.
  const miscounted = edi.replace(/SE\*(\d+)\*/, (_, n: string) => `SE*${Number(n) + 1}*`);

  it('are refused in strict mode, at the SE', () => {
    expect(miscounted).not.toBe(edi);
    const err = thrown(() => decodeX12(miscounted));
    expect(err.message).toMatch(/SE01 says \d+ segments \(ST to SE\), found \d+/);
    expect(err.location).toMatchObject({ segmentTag: 'SE' });
  });

  it('are a warning on the set where the partner checks leniently, segments all read', () => {
    const lenient = decodeX12(miscounted, { counts: 'warning' });
    expect(allIssues(lenient)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'SE01_COUNT' }),
    ]);
    const sets = (ics: typeof lenient) => ics.flatMap((ic) => ic.groups.flatMap((g) => g.sets));
    expect(sets(lenient).map((s) => s.body.length)).toEqual(
      sets(decodeX12(edi)).map((s) => s.body.length),
    );
  });

  it('stay errors when only control numbers are tolerated', () => {
    expect(() => decodeX12(miscounted, { controlNumbers: 'warning' })).toThrow(/SE01 says/);
  });
});
