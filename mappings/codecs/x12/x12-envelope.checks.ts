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

/** IEA01 must count the groups, IEA02 must repeat ISA13. */
export function checkIea(
  ic: X12Interchange,
  iea: X12Segment,
  mismatch: X12Issue['severity'],
): X12Issue[] {
  const found: X12Issue[] = [];
  const count = iea.elements[0] ?? '';
  if (!/^\d+$/.test(count) || Number(count) !== ic.groups.length) {
    found.push(
      issue(
        'interchange',
        'IEA01_COUNT',
        `IEA01 says ${count || 'nothing'} groups, the interchange has ${ic.groups.length}`,
        iea,
        { ta1: '021' },
      ),
    );
  }
  if ((iea.elements[1] ?? '') !== ic.controlNumber) {
    found.push(
      issue(
        'interchange',
        'IEA02_CONTROL',
        `IEA02 '${iea.elements[1] ?? ''}' does not match ISA13 '${ic.controlNumber}'`,
        iea,
        { ta1: '001' },
        mismatch,
      ),
    );
  }
  return found;
}

/** GE01 must count the transaction sets, GE02 must repeat GS06. */
export function checkGe(
  setCount: number,
  gs06: string,
  ge: X12Segment,
  mismatch: X12Issue['severity'],
): X12Issue[] {
  const found: X12Issue[] = [];
  const count = ge.elements[0] ?? '';
  if (!/^\d+$/.test(count) || Number(count) !== setCount) {
    found.push(
      issue(
        'group',
        'GE01_COUNT',
        `GE01 says ${count || 'nothing'} transaction sets, the group has ${setCount}`,
        ge,
        { ak9: '5' },
      ),
    );
  }
  if ((ge.elements[1] ?? '') !== gs06) {
    found.push(
      issue(
        'group',
        'GE02_CONTROL',
        `GE02 '${ge.elements[1] ?? ''}' does not match GS06 '${gs06}'`,
        ge,
        { ak9: '4' },
        mismatch,
      ),
    );
  }
  return found;
}

/** SE01 must count the segments from ST to SE inclusive, SE02 must repeat ST02. */
export function checkSe(
  segmentCount: number,
  st02: string,
  se: X12Segment,
  mismatch: X12Issue['severity'],
): X12Issue[] {
  const found: X12Issue[] = [];
  const count = se.elements[0] ?? '';
  if (!/^\d+$/.test(count) || Number(count) !== segmentCount) {
    found.push(
      issue(
        'set',
        'SE01_COUNT',
        `SE01 says ${count || 'nothing'} segments, the transaction set has ${segmentCount}`,
        se,
        { ak5: '4' },
      ),
    );
  }
  if ((se.elements[1] ?? '') !== st02) {
    found.push(
      issue(
        'set',
        'SE02_CONTROL',
        `SE02 '${se.elements[1] ?? ''}' does not match ST02 '${st02}'`,
        se,
        { ak5: '3' },
        mismatch,
      ),
    );
  }
  return found;
}
