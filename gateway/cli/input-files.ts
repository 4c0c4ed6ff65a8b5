import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { TradeError } from '../../core/errors/trade-error';

/** A file to translate: where it is, and the name reports show (relative to the folder given). */
export interface InputFile {
  path: string;
  name: string;
}

/** Bigger files are reported as refused rather than read into memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

// A folder's own documentation describes the samples; it is not one of them.
const FOLDER_DOCS = new Set(['SOURCES.md', 'README.md', 'LICENSE']);

/** Files named NEG-* are meant to be rejected, with a located error. */
export function isNegativeSample(name: string): boolean {
  return path.basename(name).startsWith('NEG-');
}

// API descriptions saved beside samples (a marketplace's endpoint pages, SDK guides, JSON
// schemas): they describe messages and are none.
const API_DESCRIPTION = /^(api-doc-|sdk-doc-|schema-)/;

export function isFolderDoc(name: string): boolean {
  const base = path.basename(name);
  return FOLDER_DOCS.has(base) || API_DESCRIPTION.test(base);
}

/**
 * The file itself, or every file under the folder (recursively, hidden entries left out),
 * sorted by their relative names so runs are repeatable.
 */
export function listInputFiles(target: string): InputFile[] {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    throw new TradeError('config', `${target}: no such file or folder`, { stage: 'receive' });
  }
  if (!stat.isDirectory()) return [{ path: target, name: target }];
  const out: InputFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push({ path: full, name: path.relative(target, full) });
    }
  };
  walk(target);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The file's bytes; refuses files over MAX_FILE_BYTES with a TradeError at stage 'receive'. */
export function readInputFile(file: InputFile): Buffer {
  const size = statSync(file.path).size;
  if (size > MAX_FILE_BYTES)
    throw new TradeError(
      'rejected',
      `file of ${size} bytes is over the ${MAX_FILE_BYTES}-byte limit`,
      {
        stage: 'receive',
      },
    );
  return readFileSync(file.path);
}
