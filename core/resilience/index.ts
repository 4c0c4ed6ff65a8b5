export * from './backoff';
export * from './circuit-breakers';
export * from './dependency-outage';
