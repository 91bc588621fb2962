export * from './actor';
export * from './article';
export * from './claim';
export * from './result';
