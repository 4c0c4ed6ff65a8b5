import fc from 'fast-check';

/**
 * Mutations at three levels: bytes (flip, insert, delete, truncate, encoding garbage),
 * segments (a unit between terminators duplicated, dropped, moved or repeated many times)
 * and fields (a value between separators replaced by a hostile token), plus separator swaps
 * and splices of two seeds. A plan is data, so fast-check can generate and print it.
 */
export type Mutation =
  | { op: 'flip'; at: number; byte: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'truncate'; at: number }
  | { op: 'garbage'; at: number; bytes: number[] }
  | { op: 'swap'; from: string; to: string; all: boolean }
  | { op: 'splice'; other: number; at: number; otherAt: number }
  | { op: 'segment'; action: 'duplicate' | 'drop' | 'move'; at: number; to: number }
  | { op: 'repeat'; at: number; times: number }
  | { op: 'field'; at: number; token: string };

export interface Plan {
  seed: number;
  mutations: Mutation[];
}

/** Service characters of the formats: EDIFACT, X12, SWIFT MT, XML and JSON. */
export const SEPARATORS = [
  "'",
  '+',
  ':',
  '?',
  '*',
  '~',
  '^',
  '>',
  '<',
  '|',
  '\n',
  '\r',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  '/',
  '=',
  '&',
  ';',
  '-',
  '$',
  '\u0001',
  '\u0003',
  ' ',
];

/** Field values that broke parsers before: prototype keys, extremes, nested service strings. */
export const TOKENS = [
  '',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '1e38',
  '-1e38',
  '99999999999999999999',
  '-0',
  'NaN',
  'Infinity',
  '0x1F',
  '1.5e-400',
  '00000',
  '2025-13-45',
  '20251345',
  '999999',
  '-1',
  '3.',
  ',',
  '.,',
  "UNA:+.? '",
  "UNA:+.? 'UNA:+.? '",
  'UNB',
  'UNH',
  'UNT',
  'UNZ',
  'ISA',
  'IEA',
  'GS',
  'ST',
  'SE',
  '{1:',
  '{4:',
  '-}',
  ':20:',
  ':61:',
  '<!--',
  ']]>',
  '<![CDATA[',
  '&#0;',
  '&#xFFFFFFFF;',
  '&lol;',
  '<?xml',
  'null',
  'true',
  '[]',
  '{}',
  '"\\u0000"',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '中文',
  'A'.repeat(300),
  '9'.repeat(40),
];

/** Encoding garbage: byte-order marks of other encodings, broken UTF-8, NUL, C1 controls. */
export const GARBAGE: number[][] = [
  [0xfe, 0xff],
  [0xff, 0xfe],
  [0xef, 0xbb, 0xbf],
  [0xfe, 0xff, 0x3a],
  [0xc3, 0x28],
  [0xe2, 0x82],
  [0xf0, 0x90, 0x80],
  [0x80],
  [0xff],
  [0x00],
  [0x00, 0x00, 0x00, 0x3c],
  [0x1b, 0x28, 0x42],
  [0x85],
  [0xa0],
  [0xed, 0xa0, 0x80],
];

const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('flip' as const),
      at: position,
      byte: fc.integer({ min: 0, max: 255 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: position,
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      at: position,
      length: fc.integer({ min: 1, max: 64 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('garbage' as const),
      at: fc.oneof(fc.constant(0), position),
      bytes: fc.constantFrom(...GARBAGE),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('swap' as const),
      from: fc.constantFrom(...SEPARATORS),
      to: fc.constantFrom(...SEPARATORS),
      all: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('splice' as const),
      other: fc.nat(),
      at: position,
      otherAt: position,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('segment' as const),
      action: fc.constantFrom('duplicate' as const, 'drop' as const, 'move' as const),
      at: position,
      to: position,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('field' as const),
      at: position,
      token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 })),
    }),
  },
);

/** Rarely, one segment repeated up to 150k times: inputs large enough to overflow a stack. */
const repeat: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constant('repeat' as const),
  at: position,
  times: fc.integer({ min: 2, max: 150_000 }),
});

export function planArbitrary(seedCount: number): fc.Arbitrary<Plan> {
  return fc.record({
    seed: fc.integer({ min: 0, max: seedCount - 1 }),
    mutations: fc.oneof(
      { weight: 200, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.tuple(repeat).map((r) => [...r]) },
    ),
  });
}

/** Applies a plan to its seed; `seeds` gives splice partners. */
export function applyPlan(plan: Plan, seeds: readonly Buffer[]): Buffer {
  let bytes = seeds[plan.seed];
  for (const m of plan.mutations) bytes = apply(m, bytes, seeds);
  return bytes;
}

function apply(m: Mutation, input: Buffer, seeds: readonly Buffer[]): Buffer {
  const at = (p: number, buf: Buffer = input) => Math.floor(p * (buf.length + 1));
  switch (m.op) {
    case 'flip': {
      if (input.length === 0) return input;
      const out = Buffer.from(input);
      out[Math.min(at(m.at), out.length - 1)] = m.byte;
      return out;
    }
    case 'insert':
    case 'garbage':
      return splice(input, at(m.at), 0, Buffer.from(m.bytes));
    case 'delete':
      return splice(input, at(m.at), m.length, Buffer.alloc(0));
    case 'truncate':
      return input.subarray(0, at(m.at));
    case 'swap': {
      const text = input.toString('latin1');
      const swapped = m.all ? text.split(m.from).join(m.to) : text.replace(m.from, m.to);
      return Buffer.from(swapped, 'latin1');
    }
    case 'splice': {
      const other = seeds[m.other % seeds.length];
      return Buffer.concat([input.subarray(0, at(m.at)), other.subarray(at(m.otherAt, other))]);
    }
    case 'segment':
      return segmentLevel(input, m.action, m.at, m.to);
    case 'repeat':
      return repeatSegment(input, m.at, m.times);
    case 'field':
      return fieldLevel(input, m.at, m.token);
  }
}

function splice(input: Buffer, at: number, remove: number, insert: Buffer): Buffer {
  return Buffer.concat([input.subarray(0, at), insert, input.subarray(at + remove)]);
}

/** Segments end at the format's terminator: EDIFACT ', X12 ISA's own, else lines. */
function units(input: Buffer): string[] {
  const text = input.toString('latin1');
  const isa = text.indexOf('ISA');
  const terminator =
    isa !== -1 && text.length > isa + 105
      ? text[isa + 105]
      : text.includes("'") && /UN[ABH]/.test(text)
        ? "'"
        : '\n';
  const parts = text.split(terminator);
  return parts.map((p, i) => (i < parts.length - 1 ? p + terminator : p));
}

function segmentLevel(input: Buffer, action: 'duplicate' | 'drop' | 'move', p: number, q: number) {
  const parts = units(input);
  const i = Math.floor(p * parts.length);
  const j = Math.floor(q * parts.length);
  if (action === 'duplicate') parts.splice(j, 0, parts[i]);
  else if (action === 'drop') parts.splice(i, 1);
  else parts.splice(j, 0, ...parts.splice(i, 1));
  return Buffer.from(parts.join(''), 'latin1');
}

const MAX_REPEAT_BYTES = 4_000_000;

function repeatSegment(input: Buffer, p: number, times: number): Buffer {
  const parts = units(input);
  const i = Math.floor(p * parts.length);
  // Bounded: enough segments to overflow a stack, not so many bytes that the run only measures
  // throughput.
  const count = Math.min(times, Math.floor(MAX_REPEAT_BYTES / Math.max(1, parts[i].length)));
  const many = Buffer.from(parts[i].repeat(count), 'latin1');
  const before = Buffer.from(parts.slice(0, i).join(''), 'latin1');
  const after = Buffer.from(parts.slice(i).join(''), 'latin1');
  return Buffer.concat([before, many, after]);
}

const FIELD_BOUNDARY = /['+:*~^|\n\r<>"{},[\]]/g;

/** Replaces the value between two service characters around position p with `token`. */
function fieldLevel(input: Buffer, p: number, token: string): Buffer {
  const text = input.toString('utf8');
  const bounds = [0];
  for (const match of text.matchAll(FIELD_BOUNDARY)) bounds.push((match.index ?? 0) + 1);
  bounds.push(text.length);
  const k = Math.floor(p * (bounds.length - 1));
  const start = bounds[k];
  const end = Math.max(start, (bounds[k + 1] ?? text.length) - 1);
  return Buffer.from(text.slice(0, start) + token + text.slice(end), 'utf8');
}
