import { Global, Module } from '@nestjs/common';
import { ApiKeyAuthenticator } from './api-key.authenticator';

/** One key cache for every guarded controller, and for the rate limiter in front of them. */
@Global()
@Module({ providers: [ApiKeyAuthenticator], exports: [ApiKeyAuthenticator] })
export class AuthModule {}
