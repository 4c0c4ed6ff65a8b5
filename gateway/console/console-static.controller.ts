import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** dist/console, seen from the source tree (gateway/console) or the compiled one (dist/gateway/console). */
function findBuild(): string | undefined {
  return [resolve(__dirname, '../../dist/console'), resolve(__dirname, '../../console')].find(
    (dir) => existsSync(join(dir, 'index.html')),
  );
}

/**
 * The console's production build (console/, Vite). Its pages are routed in the browser, so
 * any path that is not a file gets index.html. The API it calls authenticates each request.
 */
@Controller('console')
export class ConsoleStaticController {
  private readonly root = findBuild();

  @Get()
  index(@Res() reply: FastifyReply) {
    return this.send(reply, 'index.html');
  }

  // Fastify's own wildcard; its value is the param named '*'.
  @Get('*')
  file(@Param('*') path: string, @Res() reply: FastifyReply) {
    return this.send(reply, path);
  }

  private send(reply: FastifyReply, path: string) {
    if (!this.root) throw new NotFoundException('the console is not built (npm run build:console)');
    const file = normalize(join(this.root, path));
    const inside = file.startsWith(this.root + sep);
    const target =
      inside && existsSync(file) && extname(file) ? file : join(this.root, 'index.html');
    // Vite names assets by content hash: they never change, index.html always may.
    const immutable = target.includes(`${sep}assets${sep}`);
    return reply
      .header('content-type', TYPES[extname(target)] ?? 'application/octet-stream')
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(readFileSync(target));
  }
}
