import { readDelimiters, skipLeading } from './x12-delimiters';
import { X12EnvelopeReader, type X12ReadOptions } from './x12-envelope.reader';
import { fatal, issue, rejection } from './x12-issue';
import { X12SegmentScanner } from './x12-segment.scanner';
import type { X12Interchange, X12Issue } from './x12.types';
import { pushAll } from '../../../core/collections';

/**
 * Parses every interchange in `text` (several may follow one another, each with its own
 * separators). Syntax problems are collected as issues on the tree, so a 997 can be built
 * from the result; use `decodeX12` to throw on the first error instead.
 */
export function parseX12(input: string, options: X12ReadOptions = {}): X12Interchange[] {
  const unwrapped = options.lineWrap === 'unwrap' ? unwrapLines(input) : undefined;
  const text = unwrapped ?? input;
  const done: X12Interchange[] = [];
  const reader = new X12EnvelopeReader(
    () => undefined,
    (ic) => done.push(ic),
    options,
  );
  let pos = skipLeading(text, 0);
  if (pos >= text.length) throw fatal('EMPTY', 'input holds no interchange', { offset: 0 });
  while (pos < text.length) {
    const delimiters = readDelimiters(text, pos);
    const scanner = new X12SegmentScanner(text, pos, delimiters);
    for (let seg = scanner.read(); seg; seg = scanner.read()) {
      reader.accept(seg, delimiters);
      if (!reader.inInterchange) break;
    }
    reader.finish();
    pos = skipLeading(text, scanner.next);
  }
  if (unwrapped !== undefined && done[0]) done[0].issues.unshift(wrappedWarning(done[0]));
  return done;
}

/**
 * The text without its line breaks when they wrap segments at a fixed width rather than end
 * them (the ISA does not read at its fixed positions, or a break follows no terminator);
 * undefined when the text is not wrapped.
 */
export function unwrapLines(text: string): string | undefined {
  if (!/[\r\n]/.test(text)) return undefined;
  const at = skipLeading(text, 0);
  try {
    const d = readDelimiters(text, at);
    if (d.segment === '\n' || d.segment === '\r') return undefined;
    const breaks = /[^\r\n](\r?\n|\r)/g;
    let wrapped = false;
    for (const m of text.slice(at).matchAll(breaks)) {
      if (m[0][0] !== d.segment) {
        wrapped = true;
        break;
      }
    }
    if (!wrapped) return undefined;
  } catch {
    // The ISA itself is broken across lines: unwrapping may mend it.
  }
  const joined = text.replace(/\r?\n|\r/g, '');
  return joined.startsWith('ISA', skipLeading(joined, 0)) ? joined : undefined;
}

function wrappedWarning(ic: X12Interchange): X12Issue {
  return issue(
    'interchange',
    'LINE_WRAPPED',
    'interchange is wrapped at a fixed width: line breaks inside segments removed; offsets count the unwrapped text',
    ic.isa,
    {},
    'warning',
  );
}

/** Every issue of the interchanges, in input order. */
export function allIssues(interchanges: X12Interchange[]): X12Issue[] {
  const found: X12Issue[] = [];
  for (const ic of interchanges) {
    pushAll(found, ic.issues);
    for (const group of ic.groups) {
      pushAll(found, group.issues);
      for (const set of group.sets) pushAll(found, set.issues);
    }
  }
  return found.sort((a, b) => (a.location.offset ?? 0) - (b.location.offset ?? 0));
}

/** Parses and throws a located TradeError (kind 'rejected', stage 'parse') on the first error. */
export function decodeX12(text: string, options: X12ReadOptions = {}): X12Interchange[] {
  const interchanges = parseX12(text, options);
  const first = allIssues(interchanges).find((i) => i.severity === 'error');
  if (first) throw rejection(first, text);
  return interchanges;
}
