import { applyDecorators, UseGuards, type INestApplication } from '@nestjs/common';
import {
  ApiSecurity,
  ApiTags,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';

export const API_KEY_SCHEME = 'api-key';

/** The OpenAPI description of every route the app serves, from its controllers. */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('TradeHub gateway')
    .setDescription(
      'Partner entry points, operator API and domain services. Operator routes take an API key ' +
        '(X-API-Key or Authorization: Bearer). Errors answer `{ error: { status, code, message } }`; ' +
        'a bad request names each field by JSON pointer.',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, API_KEY_SCHEME)
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '')}_${method}`,
  });
}

/** Serves the description at /docs (swagger-ui from node_modules, no CDN) and /docs/openapi.json. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
}

/** An operator or domain controller: API-key guarded, and documented so under its tag. */
export const Guarded = (tag: string) =>
  applyDecorators(ApiTags(tag), ApiSecurity(API_KEY_SCHEME), UseGuards(ApiKeyGuard));
