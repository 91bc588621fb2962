export * from './api-key.orm-entity';
export * from './api-keys.repository';
