import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { TradeError } from '../../../core/errors/trade-error';
import { decodeXmlBytes } from './xml-charset';
import { rejectMarkupDeclarations } from './xml-guard';

export interface XsdValidationOptions {
  /** Folder holding the main schema and every schema it includes or imports. */
  schemaDir: string;
  /** File name of the main schema inside schemaDir, e.g. `pain.001.001.09.xsd`. */
  mainXsd: string;
}

export interface XsdError {
  /** Line in the validated document; absent when xmllint gave none. */
  line?: number;
  /** File the message is about: the document or a schema file. */
  file: string;
  message: string;
}

export interface XsdValidationResult {
  valid: boolean;
  errors: XsdError[];
}

const DOCUMENT = 'document.xml';
const SCHEMA_REF =
  /<(?:\w+:)?(?:include|import|redefine)\b[^>]*?schemaLocation\s*=\s*["']([^"']+)["']/g;
const schemaCache = new Map<string, string>();

/**
 * Validates XML against an XSD with libxml2 (xmllint-wasm), offline: the main schema and the
 * files it includes or imports are read from schemaDir. The document is checked for DTDs first
 * and handed to xmllint as UTF-8, the only encoding it takes.
 */
export async function validateXml(
  xml: Buffer | string,
  options: XsdValidationOptions,
): Promise<XsdValidationResult> {
  const text = typeof xml === 'string' ? xml.replace(/^\uFEFF/, '') : decodeXmlBytes(xml).text;
  rejectMarkupDeclarations(text);
  const utf8 = text.replace(/^(<\?xml[^?>]*?encoding\s*=\s*["'])[^"']+(["'])/, '$1UTF-8$2');
  const schemas = schemaFiles(options.schemaDir, options.mainXsd);
  const result = await validateXML({
    xml: { fileName: DOCUMENT, contents: utf8 },
    schema: schemas[0],
    preload: schemas.slice(1),
    initialMemoryPages: memoryPages.defaultInitialMemoryPages,
    maxMemoryPages: memoryPages.GiB,
    modifyArguments: (args) => ['--nonet', ...args],
  });
  const errors = result.errors.map((error) => ({
    file: error.loc?.fileName ?? DOCUMENT,
    ...(error.loc && error.loc.fileName === DOCUMENT ? { line: error.loc.lineNumber } : {}),
    message: error.message,
  }));
  return { valid: result.valid, errors };
}

/** Throws the first XSD error as a TradeError (kind 'rejected', stage 'validate', located). */
export function assertXsdValid(result: XsdValidationResult): void {
  if (result.valid) return;
  const first = result.errors[0];
  throw new TradeError('rejected', `XSD validation failed: ${first?.message ?? 'unknown error'}`, {
    stage: 'validate',
    location: first?.line !== undefined ? { line: first.line } : undefined,
    code: 'XSD_INVALID',
  });
}

/** The main schema first, then every schema reachable through include/import/redefine. */
function schemaFiles(schemaDir: string, mainXsd: string): XMLFileInfo[] {
  const root = path.resolve(schemaDir);
  const files: XMLFileInfo[] = [];
  const pending = [mainXsd];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const contents = readSchema(root, name);
    files.push({ fileName: name, contents });
    for (const match of contents.matchAll(SCHEMA_REF)) {
      if (/^[a-z]+:\/\//i.test(match[1])) continue; // a network location: never fetched
      pending.push(path.posix.normalize(path.posix.join(path.posix.dirname(name), match[1])));
    }
  }
  return files;
}

function readSchema(root: string, name: string): string {
  const file = path.resolve(root, name);
  if (!file.startsWith(root + path.sep)) {
    throw new TradeError('config', `schema ${name} lies outside the schema folder ${root}`, {
      stage: 'validate',
    });
  }
  let contents = schemaCache.get(file);
  if (contents === undefined) {
    try {
      contents = readFileSync(file, 'utf8');
    } catch (err) {
      throw new TradeError('config', `schema ${name} not found in ${root}`, {
        stage: 'validate',
        cause: err,
      });
    }
    schemaCache.set(file, contents);
  }
  return contents;
}
