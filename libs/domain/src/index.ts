export * from './articles';
export * from './clusters';
export * from './errors';
export * from './sanctions';
export * from './utils';
