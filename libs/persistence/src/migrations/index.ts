import { CreateArticles1795630000000 } from './1795630000000-create-articles.migration';
import { CreateOutbox1795630100000 } from './1795630100000-create-outbox.migration';
import { CreateProcessedMessages1795630200000 } from './1795630200000-create-processed-messages.migration';
import { CreateArticleDedup1795640000000 } from './1795640000000-create-article-dedup.migration';
import { CreateFeeds1795640100000 } from './1795640100000-create-feeds.migration';
import { AddArticleDedupEventId1795640200000 } from './1795640200000-add-article-dedup-event-id.migration';
import { DropArticleDedupContentHashIndex1795640300000 } from './1795640300000-drop-article-dedup-content-hash-index.migration';
import { DropUnusedArticleLookupIndexes1795640400000 } from './1795640400000-drop-unused-article-lookup-indexes.migration';
import { AddOutboxUnsentTopicSeqIndex1795640500000 } from './1795640500000-add-outbox-unsent-topic-seq-index.migration';
import { CreateArticleExtractions1795650000000 } from './1795650000000-create-article-extractions.migration';
import { CreateArticleActors1795650100000 } from './1795650100000-create-article-actors.migration';
import { CreateClaims1795650200000 } from './1795650200000-create-claims.migration';
import { CreateClaimClusters1795650300000 } from './1795650300000-create-claim-clusters.migration';
import { CreateAlerts1795660000000 } from './1795660000000-create-alerts.migration';
import { AddAlertRulePreviousSecret1795660100000 } from './1795660100000-add-alert-rule-previous-secret.migration';
import { AddClaimClusterMergeState1795670000000 } from './1795670000000-add-claim-cluster-merge-state.migration';
import { CreateApiKeys1795670100000 } from './1795670100000-create-api-keys.migration';
import { AddClaimCuration1795680000000 } from './1795680000000-add-claim-curation.migration';
import { CreateClaimMarks1795680100000 } from './1795680100000-create-claim-marks.migration';
import { AddClaimClusterSpan1795690000000 } from './1795690000000-add-claim-cluster-span.migration';
import { DropClusterClaimIds1795700100000 } from './1795700100000-drop-cluster-claim-ids.migration';
import { Lz4ForRewrittenJson1795700200000 } from './1795700200000-lz4-for-rewritten-json.migration';

/** Every migration, oldest first. Listed explicitly (no glob) so ts-jest, ts-node and dist all find them. */
export const MIGRATIONS = [
  CreateArticles1795630000000,
  CreateOutbox1795630100000,
  CreateProcessedMessages1795630200000,
  CreateArticleDedup1795640000000,
  CreateFeeds1795640100000,
  AddArticleDedupEventId1795640200000,
  DropArticleDedupContentHashIndex1795640300000,
  DropUnusedArticleLookupIndexes1795640400000,
  AddOutboxUnsentTopicSeqIndex1795640500000,
  CreateArticleExtractions1795650000000,
  CreateArticleActors1795650100000,
  CreateClaims1795650200000,
  CreateClaimClusters1795650300000,
  CreateAlerts1795660000000,
  AddAlertRulePreviousSecret1795660100000,
  AddClaimClusterMergeState1795670000000,
  CreateApiKeys1795670100000,
  AddClaimCuration1795680000000,
  CreateClaimMarks1795680100000,
  AddClaimClusterSpan1795690000000,
  DropClusterClaimIds1795700100000,
  Lz4ForRewrittenJson1795700200000,
];
