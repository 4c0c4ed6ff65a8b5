import { TradeError, type InputLocation } from '../../../core/errors/trade-error';

/** Block or framing syntax: the input is not readable as SWIFT MT. */
export function mtSyntaxError(code: string, message: string, location: InputLocation): TradeError {
  return new TradeError('rejected', `SWIFT MT: ${message}`, { stage: 'parse', location, code });
}

/** A field whose sub-fields break their format (bad date, amount, mark). */
export function mtFieldError(
  code: string,
  message: string,
  fieldTag: string,
  line: number,
): TradeError {
  return new TradeError('rejected', `SWIFT MT :${fieldTag}: ${message}`, {
    stage: 'validate',
    location: { fieldTag, line },
    code,
  });
}

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
  }
  return line;
}
