export * from './article-actor.orm-entity';
export * from './article-extraction.orm-entity';
export * from './claim-cluster.orm-entity';
export * from './claim.mapper';
export * from './claim.orm-entity';
export * from './claims.repository';
import { ArticleActorOrmEntity } from './article-actor.orm-entity';
import { ArticleExtractionOrmEntity } from './article-extraction.orm-entity';
import { ClaimClusterOrmEntity } from './claim-cluster.orm-entity';
import { ClaimOrmEntity } from './claim.orm-entity';

/** The claims pipeline's entities, registered in PERSISTENCE_ENTITIES. */
export const CLAIMS_ENTITIES = [
  ArticleExtractionOrmEntity,
  ArticleActorOrmEntity,
  ClaimOrmEntity,
  ClaimClusterOrmEntity,
];
