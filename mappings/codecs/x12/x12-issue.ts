import { TradeError, type InputLocation } from '../../../core/errors/trade-error';
import type { X12AckCodes, X12Issue, X12IssueLevel, X12Segment } from './x12.types';

/** Location of a segment: its ordinal in the interchange, its tag and its character offset. */
export function segmentLocation(seg: X12Segment): InputLocation {
  return { segmentIndex: seg.ordinal, segmentTag: seg.tag, offset: seg.offset };
}

export function issue(
  level: X12IssueLevel,
  code: string,
  message: string,
  seg: X12Segment,
  ack: X12AckCodes = {},
  severity: X12Issue['severity'] = 'error',
): X12Issue {
  return { severity, level, code, message, location: segmentLocation(seg), ack };
}

/** 1-based line of a character offset (lines end at LF). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  let at = text.indexOf('\n');
  while (at !== -1 && at < offset) {
    line++;
    at = text.indexOf('\n', at + 1);
  }
  return line;
}

/** The TradeError for a syntax failure; `text` (when known) adds the line to the location. */
export function rejection(found: X12Issue, text?: string): TradeError {
  const location = { ...found.location };
  if (text !== undefined && location.offset !== undefined) {
    location.line = lineAt(text, location.offset);
  }
  const where = location.segmentTag
    ? ` at segment ${location.segmentIndex} (${location.segmentTag})`
    : '';
  return new TradeError('rejected', `X12: ${found.message}${where}`, {
    stage: 'parse',
    location,
    code: found.code,
  });
}

/** Raised directly (not collected) when the input cannot be read as X12 at all. */
export function fatal(code: string, message: string, location: InputLocation): TradeError {
  return new TradeError('rejected', `X12: ${message}`, { stage: 'parse', location, code });
}
