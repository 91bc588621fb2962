export * from './api-keys';
export * from './database';
export * from './engines';
export * from './factories/article.factory';
export * from './factories/message.factory';
export * from './kafka.harness';
export * from './test-env';
export * from './quiet-logs';
