import { CreateArticles1795630000000 } from './1795630000000-create-articles.migration';
import { CreateOutbox1795630100000 } from './1795630100000-create-outbox.migration';
import { CreateProcessedMessages1795630200000 } from './1795630200000-create-processed-messages.migration';
import { CreateArticleDedup1795640000000 } from './1795640000000-create-article-dedup.migration';
import { CreateFeeds1795640100000 } from './1795640100000-create-feeds.migration';

/** Every migration, oldest first. Listed explicitly (no glob) so ts-jest, ts-node and dist all find them. */
export const MIGRATIONS = [
  CreateArticles1795630000000,
  CreateOutbox1795630100000,
  CreateProcessedMessages1795630200000,
  CreateArticleDedup1795640000000,
  CreateFeeds1795640100000,
];
