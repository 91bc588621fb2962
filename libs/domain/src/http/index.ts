export * from './app-logger';
export * from './bootstrap-app';
export * from './configure-http-app';
export * from './health-response';
export * from './problem-details.filter';
export * from './request-context';
export * from './openapi';
export * from './keyset-page';
