import { availableParallelism } from 'node:os';
import {
  createRegistries,
  EXIT,
  partnerFor,
  withUsageErrors,
  type CliEnvironment,
} from './cli-context';
import { renderConformance } from './conformance.report';
import { tally, type ConformanceEntry } from './conformance.tally';
import { failedFile, translateFile, type FileTranslateOptions } from './file-result';
import {
  isFolderDoc,
  isNegativeSample,
  listInputFiles,
  readInputFile,
  type InputFile,
} from './input-files';
import { checkXsd, XSD_FORMATS, XsdCatalog } from './xsd-check';

export interface ConformanceCommandOptions {
  partner?: string;
  /** Folder of XSDs: ISO 20022 and CEB files are validated against the one for their root. */
  schemas?: string;
}

// xmllint-wasm validates in a new worker thread per call, which waits on start-up as much as it
// computes: two per core kept every core busy in measurements; more only added contention.
const XSD_CONCURRENCY = Math.max(2, Math.min(8, 2 * availableParallelism()));

interface Pending {
  entry: ConformanceEntry;
  /** Bytes kept for the XSD check, only for files that get one. */
  xml?: Buffer;
}

function runFile(file: InputFile, options: FileTranslateOptions, xsd: boolean): Pending {
  const negative = isNegativeSample(file.name);
  let bytes: Buffer;
  try {
    bytes = readInputFile(file);
  } catch (err) {
    return { entry: { result: failedFile(file.name, err, 'receive'), negative } };
  }
  const result = translateFile(file.name, bytes, options);
  const format = result.detection?.format;
  const xml = xsd && format && XSD_FORMATS.has(format) ? bytes : undefined;
  return { entry: { result, negative }, xml };
}

/** Runs the XSD checks, XSD_CONCURRENCY at a time, filling in each entry's outcome. */
async function checkAll(pending: readonly Pending[], catalog: XsdCatalog): Promise<void> {
  const queue = pending.filter((p) => p.xml !== undefined);
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift())
      p.entry.xsd = await checkXsd(p.xml!, p.entry.result.detection!, catalog);
  };
  await Promise.all(Array.from({ length: XSD_CONCURRENCY }, worker));
}

/**
 * `tradehub conformance <dir>`: translates every file (strict, then lenient where strict
 * parsing fails) and prints a table per format and message type with the failures under it.
 * A failing file is a finding, not an error: the exit status is non-zero only on a crash
 * (or 2 on a usage problem).
 */
export function runConformance(
  dir: string,
  options: ConformanceCommandOptions,
  env: CliEnvironment,
): Promise<number> {
  return withUsageErrors(env.io, async () => {
    const started = env.now().getTime();
    const all = listInputFiles(dir);
    const partner = partnerFor(env, options.partner);
    const catalog = options.schemas ? XsdCatalog.load(options.schemas) : undefined;
    const fileOptions: FileTranslateOptions = {
      ...createRegistries(),
      mode: 'fallback',
      partnerId: partner.id,
      clientId: partner.clientId,
      hints: partner.formats,
      receivedAt: new Date(started).toISOString(),
    };
    const pending = all
      .filter((f) => !isFolderDoc(f.name))
      .map((f) => runFile(f, fileOptions, catalog !== undefined));
    if (catalog) await checkAll(pending, catalog);
    const entries = pending.map((p) => p.entry);
    const skipped = all.filter((f) => isFolderDoc(f.name)).map((f) => f.name);
    const report = tally(entries, skipped);
    const elapsedMs = env.now().getTime() - started;
    for (const line of renderConformance(report, { xsd: catalog !== undefined, elapsedMs }))
      env.io.out(line);
    return EXIT.ok;
  });
}
