export * as ArticlesIngested from './articles-ingested-v1';
export * as ClaimsExtracted from './claims-extracted-v1';
export * from './message-codec';
export * from './message-contract';
export * from './message-metadata';
