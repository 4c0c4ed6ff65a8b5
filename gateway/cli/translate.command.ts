import {
  createRegistries,
  EXIT,
  partnerFor,
  withUsageErrors,
  type CliEnvironment,
} from './cli-context';
import { renderFileReport } from './file-report';
import { failedFile, toJsonLine, translateFile, type FileResult } from './file-result';
import { listInputFiles, readInputFile, type InputFile } from './input-files';

export interface TranslateCommandOptions {
  partner?: string;
  json?: boolean;
  lenient?: boolean;
}

/**
 * `tradehub translate <file|dir>`: detect, parse, map and validate each file and print what
 * came out, human-readable or one JSON object per line. Exit 1 when any file has errors,
 * 2 on a usage problem (missing path, unknown partner).
 */
export function runTranslate(
  target: string,
  options: TranslateCommandOptions,
  env: CliEnvironment,
): Promise<number> {
  return withUsageErrors(env.io, () => {
    const files = listInputFiles(target);
    const partner = partnerFor(env, options.partner);
    const registries = createRegistries();
    const receivedAt = env.now().toISOString();
    let failed = false;
    for (const file of files) {
      const result = readAndTranslate(file, (bytes) =>
        translateFile(file.name, bytes, {
          ...registries,
          mode: options.lenient || partner.checks === 'lenient' ? 'lenient' : 'strict',
          partnerId: partner.id,
          clientId: partner.clientId,
          hints: partner.formats,
          receivedAt,
        }),
      );
      failed ||= result.errors.length > 0;
      if (options.json) env.io.out(toJsonLine(result));
      else for (const line of renderFileReport(result)) env.io.out(line);
    }
    return failed ? EXIT.failed : EXIT.ok;
  });
}

/** Reads the file and translates it; an unreadable file becomes a failed result (stage receive). */
export function readAndTranslate(
  file: InputFile,
  translate: (bytes: Buffer) => FileResult,
): FileResult {
  let bytes: Buffer;
  try {
    bytes = readInputFile(file);
  } catch (err) {
    return failedFile(file.name, err, 'receive');
  }
  return translate(bytes);
}
