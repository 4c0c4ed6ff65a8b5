import { issue } from './x12-issue';
import type { X12Interchange, X12Issue, X12Segment } from './x12.types';

function validYymmdd(v: string): boolean {
  if (!/^\d{6}$/.test(v)) return false;
  const mo = Number(v.slice(2, 4));
  const d = Number(v.slice(4, 6));
  // Two-digit year: 00 is a leap year both in 1900-rule-free and 2000 readings used by X12.
  const last = new Date(Date.UTC(2000 + Number(v.slice(0, 2)), mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= last;
}

function validHhmm(v: string): boolean {
  return /^([01]\d|2[0-3])[0-5]\d$/.test(v);
}

/** ISA element checks, reported with their TA1 note codes (element I18). */
export function checkIsa(isa: X12Segment): X12Issue[] {
  const e = isa.elements;
  const found: X12Issue[] = [];
  const bad = (code: string, ta1: string, message: string) =>
    found.push(issue('interchange', code, message, isa, { ta1 }));
  if (!validYymmdd(e[8])) bad('ISA09_DATE', '014', `ISA09 '${e[8]}' is not a date YYMMDD`);
  if (!validHhmm(e[9])) bad('ISA10_TIME', '015', `ISA10 '${e[9]}' is not a time HHMM`);
  if (!/^\d{5}$/.test(e[11])) bad('ISA12_VERSION', '017', `ISA12 '${e[11]}' is not a version`);
  if (!/^\d{9}$/.test(e[12])) bad('ISA13_CONTROL', '018', `ISA13 '${e[12]}' is not 9 digits`);
  if (!/^[01]$/.test(e[13])) bad('ISA14_ACK', '019', `ISA14 '${e[13]}' is not 0 or 1`);
  if (!/^[PTI]$/.test(e[14])) bad('ISA15_USAGE', '020', `ISA15 '${e[14]}' is not P, T or I`);
  return found;
}

/** Two control numbers that differ only in leading zeros (IEA02 3438, ISA13 000003438). */
function sameNumber(a: string, b: string): boolean {
  return /^\d+$/.test(a) && /^\d+$/.test(b) && a.replace(/^0+/, '') === b.replace(/^0+/, '');
}

interface TrailerRule {
  level: X12Issue['level'];
  /** e.g. 'SE': codes become SE01_COUNT and SE02_CONTROL. */
  tag: string;
  /** What the count counts, for the message. */
  counted: string;
  header: string;
  countAck: X12Issue['ack'];
  controlAck: X12Issue['ack'];
}

/** How a wrong count and a mismatched control number count: errors, or warnings a partner allows. */
export interface TrailerSeverity {
  count: X12Issue['severity'];
  control: X12Issue['severity'];
}

/** Element 01 of a trailer must hold the count, element 02 repeat the header's control number. */
function checkTrailer(
  rule: TrailerRule,
  trailer: X12Segment,
  actual: number,
  control: string,
  mismatch: TrailerSeverity,
): X12Issue[] {
  const found: X12Issue[] = [];
  const count = trailer.elements[0] ?? '';
  const stated = trailer.elements[1] ?? '';
  if (!/^\d+$/.test(count) || Number(count) !== actual) {
    const message = `${rule.tag}01 says ${count || 'nothing'} ${rule.counted}, found ${actual}`;
    found.push(
      issue(rule.level, `${rule.tag}01_COUNT`, message, trailer, rule.countAck, mismatch.count),
    );
  }
  if (stated !== control) {
    const message = sameNumber(stated, control)
      ? `${rule.tag}02 '${stated}' matches ${rule.header} '${control}' only without leading zeros`
      : `${rule.tag}02 '${stated}' does not match ${rule.header} '${control}'`;
    found.push(
      issue(
        rule.level,
        `${rule.tag}02_CONTROL`,
        message,
        trailer,
        rule.controlAck,
        mismatch.control,
      ),
    );
  }
  return found;
}

const IEA: TrailerRule = {
  level: 'interchange',
  tag: 'IEA',
  counted: 'groups',
  header: 'ISA13',
  countAck: { ta1: '021' },
  controlAck: { ta1: '001' },
};
const GE: TrailerRule = {
  level: 'group',
  tag: 'GE',
  counted: 'transaction sets',
  header: 'GS06',
  countAck: { ak9: '5' },
  controlAck: { ak9: '4' },
};
const SE: TrailerRule = {
  level: 'set',
  tag: 'SE',
  counted: 'segments (ST to SE)',
  header: 'ST02',
  countAck: { ak5: '4' },
  controlAck: { ak5: '3' },
};

/** IEA01 must count the groups, IEA02 must repeat ISA13. */
export function checkIea(ic: X12Interchange, iea: X12Segment, mismatch: TrailerSeverity) {
  return checkTrailer(IEA, iea, ic.groups.length, ic.controlNumber, mismatch);
}

/** GE01 must count the transaction sets, GE02 must repeat GS06. */
export function checkGe(sets: number, gs06: string, ge: X12Segment, mismatch: TrailerSeverity) {
  return checkTrailer(GE, ge, sets, gs06, mismatch);
}

/** SE01 must count the segments from ST to SE inclusive, SE02 must repeat ST02. */
export function checkSe(count: number, st02: string, se: X12Segment, mismatch: TrailerSeverity) {
  return checkTrailer(SE, se, count, st02, mismatch);
}
