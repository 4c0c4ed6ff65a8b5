import { TradeError, formatLocation, type InputLocation } from '../../../core/errors/trade-error';

/**
 * ISO 9735 syntax error codes (data element 0085) this codec reports; the TradeError `code` of
 * every parse failure is one of them so CONTRL can be built from the error alone.
 */
export const SyntaxErrorCode = {
  syntaxLevelNotSupported: '2',
  invalidValue: '12',
  missing: '13',
  valueNotSupportedInPosition: '14',
  notSupportedInPosition: '15',
  tooManyConstituents: '16',
  invalidCharacter: '21',
  referencesDoNotMatch: '28',
  controlCountMismatch: '29',
  groupsAndMessagesMixed: '30',
  invalidOccurrenceOutsideMessage: '33',
  tooManyRepetitions: '35',
  tooManyGroupRepetitions: '36',
} as const;
export type SyntaxErrorCode = (typeof SyntaxErrorCode)[keyof typeof SyntaxErrorCode];

/**
 * A located 'rejected' error of the parse stage carrying its ISO 9735 code and, for errors in
 * one data element, its position (1-based element, 1-based component) as CONTRL's S011 wants.
 */
export class EdifactSyntaxError extends TradeError {
  constructor(
    message: string,
    location: InputLocation,
    code: SyntaxErrorCode,
    readonly dataElement?: { element: number; component?: number },
    /** True for errors of the message body (structure), reported in UCS even at UNT. */
    readonly inBody = false,
  ) {
    const where = formatLocation(location);
    super('rejected', where ? `${message} at ${where}` : message, {
      stage: 'parse',
      location,
      code,
    });
    this.name = 'EdifactSyntaxError';
  }
}

export function edifactError(
  message: string,
  location: InputLocation,
  code: SyntaxErrorCode,
  dataElement?: { element: number; component?: number },
  inBody = false,
): EdifactSyntaxError {
  return new EdifactSyntaxError(message, location, code, dataElement, inBody);
}
