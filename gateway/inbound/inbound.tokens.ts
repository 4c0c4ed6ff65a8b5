export const WEBHOOK_VERIFIERS = Symbol('WebhookVerifiers');
