import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Test support: validates JSON against a schema of an official OpenAPI file in the read-only
 * shared folder (`$TRADEHUB_SHARED_DIR/schemas/...`, else `../shared` beside the repo). When
 * the folder is absent the validator is undefined; the specs that need it are
 * `*.shared.spec.ts`, which jest.config.js leaves out then.
 */
const repoRoot = path.resolve(__dirname, '../..');

export function sharedDir(): string {
  return process.env.TRADEHUB_SHARED_DIR ?? path.resolve(repoRoot, '../shared');
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// OpenAPI 3.0 writes `exclusiveMinimum: true` beside `minimum`; JSON Schema wants the number.
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) out[k] = toJsonSchema(v);
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag]) out[flag] = out[bound];
      else delete out[flag];
      if (out[flag] !== undefined) delete out[bound];
    }
  }
  return out;
}

const cache = new Map<string, Ajv>();

function ajvFor(file: string): Ajv | undefined {
  const full = path.join(sharedDir(), 'schemas', file);
  if (!existsSync(full)) return undefined;
  let ajv = cache.get(full);
  if (!ajv) {
    const doc = parse(readFileSync(full, 'utf8')) as { components: Json };
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const f of ['float', 'double', 'int32', 'int64']) ajv.addFormat(f, true);
    ajv.addSchema({ $id: `urn:openapi:${file}`, components: toJsonSchema(doc.components) });
    cache.set(full, ajv);
  }
  return ajv;
}

/** `$ref` to a component schema of `file`, for composing schemas (e.g. arrays of events). */
export const componentRef = (file: string, name: string) => ({
  $ref: `urn:openapi:${file}#/components/schemas/${name}`,
});

/** Validator of a component schema, or of a schema built from `componentRef`s. */
export function openApiValidator(
  file: string,
  schema: string | object,
): ValidateFunction | undefined {
  const ajv = ajvFor(file);
  if (!ajv) return undefined;
  return ajv.compile(typeof schema === 'string' ? componentRef(file, schema) : schema);
}

/** The validator for a `*.shared.spec.ts`, which runs only when the shared folder is there. */
export function requireValidator(file: string, schema: string | object): ValidateFunction {
  const validate = openApiValidator(file, schema);
  if (!validate)
    throw new Error(`${sharedDir()}/schemas/${file} not found (set TRADEHUB_SHARED_DIR)`);
  return validate;
}

/** A readable list of ajv errors for an assertion message. */
export function ajvErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 8)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
    .join('; ');
}
