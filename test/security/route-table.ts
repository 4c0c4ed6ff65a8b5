import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';

export interface Route {
  method: string;
  /** As registered, with `:param` placeholders. */
  path: string;
  key: string;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route the running app registered through its controllers, read from Nest's own
 * metadata, so a controller added tomorrow is in the list without anyone writing it down.
 */
export function routesOf(app: INestApplication): Route[] {
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type) continue;
      const bases = [Reflect.getMetadata(PATH_METADATA, type) ?? ''].flat() as string[];
      for (const name of scanner.getAllMethodNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name] as object;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (paths === undefined || verb === undefined) continue;
        for (const base of bases)
          for (const sub of [paths].flat()) {
            const method = RequestMethod[verb];
            const path = join(base, sub);
            routes.push({ method, path, key: `${method} ${path}` });
          }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
