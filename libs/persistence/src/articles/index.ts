export * from './article.mapper';
export * from './article.orm-entity';
export * from './article.repository';
