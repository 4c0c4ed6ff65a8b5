import { TradeError } from '../../../core/errors/trade-error';
import type {
  X12Delimiters,
  X12Group,
  X12Interchange,
  X12Node,
  X12Party,
  X12Segment,
  X12TransactionSet,
} from './x12.types';
import { segments } from './x12-tree';

export interface X12SetSpec {
  id: string;
  controlNumber: string | number;
  /** ST03 implementation convention reference (005010). */
  implementationRef?: string;
  /** The segments between ST and SE. */
  body: X12Node[];
}

export interface X12GroupSpec {
  functionalId: string;
  senderCode: string;
  receiverCode: string;
  /** CCYYMMDD and HHMM, in the zone agreed with the partner (X12 carries none). */
  date: string;
  time: string;
  controlNumber: string | number;
  /** GS08, e.g. '004010'. */
  version: string;
  sets: X12SetSpec[];
}

export interface X12InterchangeSpec {
  sender: X12Party;
  receiver: X12Party;
  /** YYMMDD and HHMM. */
  date: string;
  time: string;
  /** ISA12, e.g. '00401' or '00501'. */
  version: string;
  controlNumber: string | number;
  usage?: 'P' | 'T' | 'I';
  ackRequested?: boolean;
  delimiters?: Partial<X12Delimiters>;
  groups: X12GroupSpec[];
}

const DEFAULTS: X12Delimiters = {
  element: '*',
  component: '>',
  repetition: '^',
  segment: '~',
  lineEnding: '\n',
};

/** Builds a segment, dropping trailing empty elements as X12 requires. */
export function seg(tag: string, ...elements: Array<string | number | undefined>): X12Segment {
  const values = elements.map((e) => (e === undefined ? '' : String(e)));
  while (values.length && values[values.length - 1] === '') values.pop();
  return { tag, elements: values };
}

function fixed(value: string, width: number, name: string): string {
  if (value.length > width) throw invalid(`${name} '${value}' is longer than ${width}`);
  return value.padEnd(width, ' ');
}

function invalid(message: string): TradeError {
  return new TradeError('mapping', `X12 build: ${message}`, { stage: 'map' });
}

function checkValues(s: X12Segment, d: X12Delimiters): void {
  const reserved = [d.element, d.segment, d.component, d.repetition ?? ''].filter(Boolean);
  for (const value of s.elements) {
    if (reserved.some((r) => value.includes(r))) {
      throw invalid(`${s.tag} value '${value}' contains a separator`);
    }
  }
}

function buildSet(spec: X12SetSpec, d: X12Delimiters): X12TransactionSet {
  const control = String(spec.controlNumber).padStart(4, '0');
  const body = spec.body;
  let count = 2;
  for (const s of segments(body)) {
    checkValues(s, d);
    count++;
  }
  return {
    id: spec.id,
    controlNumber: control,
    st: seg('ST', spec.id, control, spec.implementationRef),
    se: seg('SE', count, control),
    body,
    structure: null,
    issues: [],
  };
}

function buildGroup(spec: X12GroupSpec, d: X12Delimiters): X12Group {
  const control = String(spec.controlNumber);
  const sets = spec.sets.map((s) => buildSet(s, d));
  const gs: X12Segment = {
    tag: 'GS',
    elements: [spec.functionalId, spec.senderCode, spec.receiverCode, spec.date, spec.time],
  };
  gs.elements.push(control, 'X', spec.version);
  return {
    gs,
    functionalId: spec.functionalId,
    senderCode: spec.senderCode,
    receiverCode: spec.receiverCode,
    date: spec.date,
    time: spec.time,
    controlNumber: control,
    version: spec.version,
    ge: seg('GE', sets.length, control),
    sets,
    issues: [],
  };
}

/** A new interchange with padded ISA, computed SE01/GE01/IEA01 and repeated control numbers. */
export function buildInterchange(spec: X12InterchangeSpec): X12Interchange {
  const d: X12Delimiters = { ...DEFAULTS, ...spec.delimiters };
  if (spec.version < '00402') d.repetition = null;
  const control = String(spec.controlNumber).padStart(9, '0');
  if (!/^\d{9}$/.test(control)) throw invalid(`ISA13 '${control}' is not 9 digits`);
  const isa: X12Segment = {
    tag: 'ISA',
    elements: [
      '00',
      ' '.repeat(10),
      '00',
      ' '.repeat(10),
      fixed(spec.sender.qualifier, 2, 'ISA05'),
      fixed(spec.sender.id, 15, 'ISA06'),
      fixed(spec.receiver.qualifier, 2, 'ISA07'),
      fixed(spec.receiver.id, 15, 'ISA08'),
      fixed(spec.date, 6, 'ISA09'),
      fixed(spec.time, 4, 'ISA10'),
      d.repetition ?? 'U',
      fixed(spec.version, 5, 'ISA12'),
      control,
      spec.ackRequested ? '1' : '0',
      spec.usage ?? 'P',
      d.component,
    ],
  };
  const groups = spec.groups.map((g) => buildGroup(g, d));
  return {
    isa,
    delimiters: d,
    sender: spec.sender,
    receiver: spec.receiver,
    date: spec.date,
    time: spec.time,
    version: spec.version,
    controlNumber: control,
    ackRequested: spec.ackRequested ?? false,
    usage: spec.usage ?? 'P',
    iea: seg('IEA', groups.length, control),
    groups,
    issues: [],
  };
}
