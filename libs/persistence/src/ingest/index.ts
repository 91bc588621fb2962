export * from './article-dedup.orm-entity';
export * from './article-intake.repository';
export * from './feed-item.orm-entity';
export * from './feed.orm-entity';
export * from './feed.repository';
