import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import type { Detection } from '../../core/translation/contract';
import { sniffXml } from '../../mappings/codecs/xml/xml-sniff';
import { validateXml } from '../../mappings/codecs/xml/xml-validate';

/** Formats whose files are checked against their XSD when a schema folder is given. */
export const XSD_FORMATS: ReadonlySet<string> = new Set(['iso20022', 'cn-customs']);

export type XsdStatus = 'valid' | 'invalid' | 'no-schema';

export interface XsdOutcome {
  status: XsdStatus;
  /** Schema file used, relative to the schema folder. */
  schema?: string;
  /** First error (invalid) or why none was found (no-schema). */
  message?: string;
  line?: number;
}

interface SchemaEntry {
  file: string;
  targetNamespace: string;
  elements: Set<string>;
}

const TARGET_NS = /targetNamespace\s*=\s*["']([^"']*)["']/;
const ELEMENT_NAME = /<(?:\w+:)?element\b[^>]*?\sname\s*=\s*["']([^"']+)["']/g;

/**
 * The XSD files of a folder (searched two levels deep), indexed by target namespace and the
 * element names they declare, so a document finds its schema by its root element.
 */
export class XsdCatalog {
  private constructor(
    readonly dir: string,
    private readonly entries: SchemaEntry[],
  ) {}

  static load(dir: string): XsdCatalog {
    const files: string[] = [];
    const walk = (at: string, depth: number) => {
      let entries;
      try {
        entries = readdirSync(at, { withFileTypes: true });
      } catch {
        throw new TradeError('config', `schema folder ${at} cannot be read`);
      }
      for (const e of entries) {
        const full = path.join(at, e.name);
        if (e.isDirectory() && depth < 2) walk(full, depth + 1);
        else if (e.isFile() && e.name.endsWith('.xsd')) files.push(full);
      }
    };
    walk(dir, 0);
    const entries = files.sort().map((file) => {
      // Names and namespaces are ASCII; latin1 reads any encoding the schema was saved in.
      const text = readFileSync(file, 'latin1');
      const elements = new Set([...text.matchAll(ELEMENT_NAME)].map((m) => m[1]));
      return { file, targetNamespace: TARGET_NS.exec(text)?.[1] ?? '', elements };
    });
    return new XsdCatalog(dir, entries);
  }

  /** The schema for a root element; among several, the one whose file name has `version`. */
  find(namespace: string, element: string, version?: string): string | undefined {
    const fits = this.entries.filter(
      (e) => e.targetNamespace === namespace && e.elements.has(element),
    );
    const named = version ? fits.find((e) => path.basename(e.file).includes(version)) : undefined;
    return (named ?? fits[0])?.file;
  }
}

/** Validates a file against the catalog's schema for its root element. Never throws. */
export async function checkXsd(
  input: Buffer,
  detection: Detection,
  catalog: XsdCatalog,
): Promise<XsdOutcome> {
  const sniff = sniffXml(input);
  if (!sniff) return { status: 'no-schema', message: 'not XML' };
  const schema = catalog.find(sniff.rootNs, sniff.rootLocal, detection.version);
  if (!schema)
    return {
      status: 'no-schema',
      message: `no schema declares {${sniff.rootNs}}${sniff.rootLocal}`,
    };
  const relative = path.relative(catalog.dir, schema);
  try {
    const result = await validateXml(input, {
      schemaDir: path.dirname(schema),
      mainXsd: path.basename(schema),
    });
    if (result.valid) return { status: 'valid', schema: relative };
    const first = result.errors[0];
    return {
      status: 'invalid',
      schema: relative,
      message: first?.message.trim() ?? 'invalid',
      ...(first?.line !== undefined ? { line: first.line } : {}),
    };
  } catch (err) {
    return { status: 'invalid', schema: relative, message: TradeError.from(err).message };
  }
}
