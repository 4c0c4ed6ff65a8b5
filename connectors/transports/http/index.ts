export {
  classifyHttpError,
  classifyStatus,
  parseRetryAfter,
  retryAfterMs,
} from './classify-http-error';
export { summarizeErrorBody } from './error-body';
export {
  AuthSettingsSchema,
  HttpSettingsSchema,
  PartnerApiSettingsSchema,
  SignedQueryAuthSchema,
  type AuthSettings,
  type HttpSettings,
  type PartnerApiSettings,
  type SignedQueryAuth,
} from './http-settings.schema';
export { OAuth2TokenCache, sharedTokenCache } from './oauth2-token.cache';
export {
  PartnerHttpClient,
  joinUrl,
  type PartnerHttpOptions,
  type PartnerRequest,
  type PartnerResponse,
} from './partner-http.client';
export { signQuery, signedQuery, verifySignedQuery } from './signed-query';
export { queryOf, headerOf } from './request-parts';
export { parseTransportSettings, softFail } from './transport-settings';
export { isObject, peekJson, peekObject, textAt } from './json-peek';
export { storePolled } from './poll-intake';
