// Public surface of core/messaging, for the gateway's wiring.
export * from './amqp-connection';
export * from './confirmed-publish';
export * from './dead-letter-recorder';
export * from './dead-letters';
export * from './delivery-headers';
export * from './envelope-consumer';
export * from './failure-policy';
export * from './logger';
export * from './outbox';
export * from './outbox-relay';
export * from './queue-depths';
export * from './queue-replay';
export * from './topology';
