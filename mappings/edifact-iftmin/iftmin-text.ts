import { TradeError } from '../../core/errors/trade-error';
import type { Party } from '../../core/model/values/party.schema';
import { encodable } from '../codecs/edifact/charset.syntax';

/** A canonical value that cannot be written in the message: located by JSON pointer. */
export function renderError(pointer: string, message: string): TradeError {
  return new TradeError('mapping', `${pointer}: ${message}`, {
    stage: 'map',
    location: { pointer },
    code: 'iftmin-render',
  });
}

/**
 * How text goes into data elements of one interchange: lengths of the directory (an..n) and the
 * characters of the syntax level (UNOA..UNOY). A value that does not fit is an error at its
 * JSON pointer, never cut.
 */
export class TextRules {
  constructor(readonly syntaxId: string) {}

  /** A coded or identifying value that must fit its data element as it is. */
  fits(value: string, max: number, pointer: string): string {
    if (value.length > max)
      throw renderError(pointer, `"${value}" is longer than ${max} characters`);
    return this.carried(value, pointer);
  }

  /**
   * Text split into pieces of at most `size` characters for repeated components (FTX 4440
   * an..70, NAD 3036 an..35, PCI 7102 an..35): at line breaks, then at the last space that
   * fits, else hard. Fails when more than `max` pieces are needed.
   */
  pieces(text: string, size: number, max: number, pointer: string): string[] {
    this.carried(text, pointer);
    const out: string[] = [];
    for (const line of text.split(/\r?\n/)) {
      let rest = line.trim();
      while (rest.length > size) {
        const space = rest.lastIndexOf(' ', size);
        const cut = space > 0 ? space : size;
        out.push(rest.slice(0, cut).trimEnd());
        rest = rest.slice(cut).trimStart();
      }
      if (rest !== '') out.push(rest);
    }
    if (out.length > max) {
      throw renderError(
        pointer,
        `text needs ${out.length} pieces of ${size} characters, at most ${max} fit`,
      );
    }
    return out;
  }

  /** The party's name in a script the syntax carries: its own, else its altName (e.g. Latin). */
  partyName(party: Party, pointer: string): string {
    if (encodable(party.name, this.syntaxId)) return party.name;
    if (party.altName !== undefined)
      return this.carried(party.altName, pointer.replace(/name$/, 'altName'));
    throw renderError(
      pointer,
      `"${party.name}" cannot be written in ${this.syntaxId} and the party has no altName`,
    );
  }

  private carried(value: string, pointer: string): string {
    if (!encodable(value, this.syntaxId)) {
      throw renderError(pointer, `"${value}" holds characters that ${this.syntaxId} cannot carry`);
    }
    return value;
  }
}
