import { parseEdifact } from './edifact.parser';
import { splitSegmentData } from './segment.splitter';
import {
  DEFAULT_SEPARATORS,
  INFORMATION_SEPARATORS,
  withSyntaxVersion,
  type Separators,
} from './separators.syntax';

const v4 = withSyntaxVersion(DEFAULT_SEPARATORS, '4', false);
const noRelease: Separators = { ...DEFAULT_SEPARATORS, release: null };
const split = (data: string | null, s: Separators = DEFAULT_SEPARATORS) =>
  splitSegmentData(data, s);

// The one-pass splitter keeps exact-size arrays and no intermediate ones; these pin the
// corners where that bookkeeping could slip.
describe('segment splitter', () => {
  it('splits elements and components, empty ones included', () => {
    expect(split('A:B++C:')).toEqual({
      elements: [['A', 'B'], [''], ['C', '']],
      lineBreaks: 0,
    });
    expect(split('')).toEqual({ elements: [['']], lineBreaks: 0 });
    expect(split(null)).toEqual({ elements: [], lineBreaks: 0 });
  });

  it('undoes release characters, also a released release, separator or line break', () => {
    expect(split("O?'NEIL ?+ SONS?: 1??:X").elements).toEqual([["O'NEIL + SONS: 1?", 'X']]);
    expect(split('A?\nB').elements).toEqual([['A\nB']]);
    expect(split('A?').elements).toEqual([['A']]);
    expect(split('A?B', noRelease).elements).toEqual([['A?B']]);
  });

  it('drops raw line breaks inside data and counts them', () => {
    expect(split('AB\r\nC:D\nE+F')).toEqual({ elements: [['ABC', 'DE'], ['F']], lineBreaks: 2 });
    expect(split('AB\nC', noRelease)).toEqual({ elements: [['ABC']], lineBreaks: 1 });
  });

  it('keeps repetitions (v4) beside the first occurrence', () => {
    expect(split('X+A:1*B:2*C+Y', v4)).toEqual({
      elements: [['X'], ['A', '1'], ['Y']],
      repeats: { 1: [['A', '1'], ['B', '2'], ['C']] },
      lineBreaks: 0,
    });
    expect(split('A*B', DEFAULT_SEPARATORS).elements).toEqual([['A*B']]);
  });

  it('splits with the information separators of level B', () => {
    expect(split('A\x1fB\x1dC', INFORMATION_SEPARATORS).elements).toEqual([['A', 'B'], ['C']]);
  });

  it('hands each segment its own arrays, though the splitter reuses its scratch lists', () => {
    const [first, second] = parseEdifact(
      "UNB+UNOA:3+S+R+240315:0930+R1'UNH+1+X:D:00B:UN'UNT+2+1'UNH+2+X:D:00B:UN'UNT+2+2'UNZ+2+R1'",
    );
    expect(first.segments.map((s) => s.elements)).toEqual([
      [['1'], ['X', 'D', '00B', 'UN']],
      [['2'], ['1']],
    ]);
    expect(second.segments.map((s) => s.get(0))).toEqual(['2', '2']);
    expect(second.segments[0].elements[1]).not.toBe(first.segments[0].elements[1]);
  });
});

describe('segment tags', () => {
  const parseWith = (segment: string) =>
    parseEdifact(`UNB+UNOA:3+S+R+240315:0930+R1'UNH+1+X:D:00B:UN'${segment}UNT+3+1'UNZ+1+R1'`);

  it('reads a tag with components, or alone, as the three letters', () => {
    expect(parseWith("BGM:1:2+A'")[0].segments[1].toJSON()).toEqual({
      tag: 'BGM',
      elements: [['A']],
    });
    expect(parseWith("BGM'")[0].segments[1].toJSON()).toEqual({ tag: 'BGM', elements: [] });
  });

  it('names a malformed tag as written up to its first separator', () => {
    expect(() => parseWith("AB+'")).toThrow(/invalid segment tag "AB" at segment 3/);
    expect(() => parseWith("BGMX+1'")).toThrow(/invalid segment tag "BGMX"/);
    expect(() => parseWith("1GM+1'")).toThrow(/invalid segment tag "1GM"/);
  });
});
