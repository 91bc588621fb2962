export * from './article-state';
export * from './article.entity';
export * from './article.errors';
export * from './article.repository.port';
export * from './articles.di-tokens';
export * from './publication-timestamp';
