import * as path from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import { readCeb } from '../codecs/cn-customs/ceb-read';
import { parseXml } from '../codecs/xml/xml-parse';
import { validateXml } from '../codecs/xml/xml-validate';
import { xpathAtLine } from './ceb-xpath';
import { declarationFieldProblems } from './declaration-fields';

export type CebEdition = '2018' | '202205';

/** Import-side CEB messages (primer §1.2 catalogue, (I)); the rest are in the export schema. */
const IMPORT_TYPES = new Set([
  'CEB311',
  'CEB411',
  'CEB511',
  'CEB513',
  'CEB621',
  'CEB623',
  'CEB625',
  'CEB711',
]);

/** The goods declaration file: checked by field rules, no official XSD covers it. */
export const DECLARATION_MESSAGE_TYPE = 'DEC';

export function schemaFileFor(messageType: string, edition: CebEdition): string {
  if (messageType === DECLARATION_MESSAGE_TYPE) return 'the declaration field rules';
  return `ceb-${IMPORT_TYPES.has(messageType) ? 'import' : 'export'}-${edition}.xsd`;
}

export interface CebSchemaProblem {
  xpath?: string;
  line?: number;
  message: string;
}

/**
 * Validates a CEB message against the official XSD of its edition, read from a configured
 * folder (never from a path inside the project's shared data): a message that fails is a
 * `rejected` error whose message and location say where, by XPath. A goods declaration file
 * (DEC), which no official XSD covers, is checked by its field rules instead.
 */
export class CebSchemaValidator {
  constructor(private readonly schemaDir: string) {}

  async problems(
    xml: Buffer,
    messageType: string,
    edition: CebEdition,
  ): Promise<CebSchemaProblem[]> {
    if (messageType === DECLARATION_MESSAGE_TYPE)
      return declarationFieldProblems(readCeb(parseXml(xml).root).business);
    const mainXsd = schemaFileFor(messageType, edition);
    const result = await validateXml(xml, { schemaDir: path.resolve(this.schemaDir), mainXsd });
    const text = xml.toString('utf8');
    return result.errors.map((e) => {
      const xpath = e.line !== undefined ? xpathAtLine(text, e.line) : undefined;
      return {
        ...(xpath ? { xpath } : {}),
        ...(e.line ? { line: e.line } : {}),
        message: e.message.trim(),
      };
    });
  }

  async assertValid(xml: Buffer, messageType: string, edition: CebEdition): Promise<void> {
    const problems = await this.problems(xml, messageType, edition);
    if (problems.length === 0) return;
    const first = problems[0];
    throw new TradeError(
      'rejected',
      `${messageType} fails ${schemaFileFor(messageType, edition)} at ${first.xpath ?? `line ${first.line}`}: ${first.message}`,
      {
        stage: 'validate',
        location: { xpath: first.xpath, line: first.line },
        code: 'XSD_INVALID',
      },
    );
  }
}
