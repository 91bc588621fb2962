export * from './passes-validation';
