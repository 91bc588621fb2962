import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { ClaimRecord, ClusterViewFactory } from '@sitrep/domain/clusters';
import { ClaimsExtracted, metadataCausedBy, OutboxWriter, OutgoingMessage } from '@sitrep/messaging';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { DataSource } from 'typeorm';
import { EXTRACTION_ENGINE, ExtractionEngine } from '../../claims.di-tokens';
import { EXTRACTOR_CLAIMS_OPTIONS, ExtractorClaimsOptions } from '../../claims.options';
import { ClaimsRecordedEvent } from '../../events/claims-recorded.event';
import { compareEngineVersions } from './engine-version';
import { ArticleFacts, ExtractionRecordFactory, ExtractionRecords } from './extraction-record.factory';
import {
  IngestedArticle,
  RecordExtractionCommand,
  RecordExtractionOutcome,
} from './record-extraction.command';
import { ArticleNotFoundError } from './record-extraction.errors';

/** The outlet an article counts as: the host of its canonical or fetched URL, else its source. */
export function outletOf(article: Pick<IngestedArticle, 'url' | 'canonicalUrl' | 'source'>): string | null {
  for (const candidate of [article.canonicalUrl, article.url]) {
    if (!candidate) continue;
    try {
      return new URL(candidate).hostname.replace(/^www\./, '').toLowerCase();
    } catch {
      // not a URL: try the next candidate
    }
  }
  return article.source || null;
}

/** Runs the engine on one article and stores the result, its clusters and the outbox row in one transaction. */
@CommandHandler(RecordExtractionCommand)
export class RecordExtractionHandler implements ICommandHandler<RecordExtractionCommand> {
  private readonly logger = new Logger(RecordExtractionHandler.name);
  private readonly records = new ExtractionRecordFactory();
  private readonly views = new ClusterViewFactory();

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly events: EventBus,
    private readonly outbox: OutboxWriter,
    @Inject(EXTRACTION_ENGINE) private readonly engine: ExtractionEngine,
    @Inject(EXTRACTOR_CLAIMS_OPTIONS) private readonly options: Pick<ExtractorClaimsOptions, 'outputTopic'>,
  ) {}

  async execute({ article, cause }: RecordExtractionCommand): Promise<RecordExtractionOutcome> {
    const source = await this.claims.loadArticle(article.articleId);
    if (!source) throw new ArticleNotFoundError(`article ${article.articleId} is not in PostgreSQL`);
    // The engine is pure and CPU-bound: it runs before the transaction so locks are held briefly.
    const result = await this.engine({
      id: article.articleId,
      raw: source.raw,
      url: article.url ?? source.url,
      published_at: article.publishedAt ?? source.published_at,
      language: article.language ?? source.language,
    });
    const facts: ArticleFacts = {
      id: article.articleId,
      url: article.canonicalUrl ?? article.url ?? source.url,
      outlet: outletOf(article),
      story_id: article.storyId,
      seen_at: new Date(article.receivedAt).toISOString(),
      published_at: article.publishedAt ?? source.published_at,
    };

    const outcome = await this.dataSource.transaction(async (manager) => {
      const repo = this.claims.withTransaction(manager);
      await repo.lockArticle(article.articleId);
      const existing = await repo.findExtraction(article.articleId);
      if (existing && compareEngineVersions(existing.engine_version, result.engine_version) >= 0) {
        // Redelivery, or an older engine than the one that produced the stored claims: nothing changes.
        return {
          kind: 'unchanged',
          articleId: article.articleId,
          engineVersion: result.engine_version,
          storedEngineVersion: existing.engine_version,
        } as const;
      }
      const now = new Date();
      const records = this.records.build(facts, result, (existing?.revision ?? 0) + 1, now);
      const superseded = existing ? await repo.supersedeClaims(article.articleId, now) : [];
      await repo.saveExtraction(records.extraction);
      await repo.replaceActors(article.articleId, records.actors);
      await repo.insertClaims(records.claims);

      const clusterIds = [
        ...new Set([...superseded, ...records.claims].map((claim) => claim.cluster_id)),
      ].sort();
      await repo.lockClusters(clusterIds);
      const members = await repo.currentMembers(clusterIds);
      for (const clusterId of clusterIds) {
        const view = this.views.build(members.filter((member) => member.cluster_id === clusterId));
        if (view) await repo.upsertCluster(view.summary, view.facets, view.sanctions);
        else await repo.retireCluster(clusterId);
      }
      await this.outbox.enqueue(
        manager,
        ClaimsExtracted,
        [this.message(records, cause, existing?.engine_version ?? null)],
        this.options.outputTopic ?? ClaimsExtracted.topic,
      );
      return {
        kind: existing ? 'replaced' : 'recorded',
        articleId: article.articleId,
        engineVersion: result.engine_version,
        claimCount: records.claims.length,
        clusterIds,
      } as const;
    });

    if (outcome.kind === 'unchanged') {
      this.logger.debug(`article ${article.articleId} already extracted by ${outcome.storedEngineVersion}`);
    } else {
      if (outcome.kind === 'replaced') {
        this.logger.log(`article ${article.articleId}: claims replaced by engine ${outcome.engineVersion}`);
      }
      this.events.publish(new ClaimsRecordedEvent(outcome));
    }
    return outcome;
  }

  private message(
    records: ExtractionRecords,
    cause: RecordExtractionCommand['cause'],
    replacedEngineVersion: string | null,
  ): OutgoingMessage<ClaimsExtracted.Key, ClaimsExtracted.Value> {
    const { extraction, actors, claims } = records;
    const value: ClaimsExtracted.Value = {
      metadata: metadataCausedBy(cause),
      articleId: extraction.article_id,
      engineVersion: extraction.engine_version,
      language: extraction.language ?? 'und',
      publishedAt: extraction.published_at,
      title: extraction.title,
      actors: actors.map((actor) => ({
        id: actor.actor_id,
        mentions: actor.mentions,
        ...(actor.name ? { name: actor.name } : {}),
        ...(actor.kind ? { kind: actor.kind as ClaimsExtracted.ArticleActorDto['kind'] } : {}),
        ...(actor.country ? { country: actor.country } : {}),
      })),
      claims: claims.map((claim: ClaimRecord) => ({
        id: claim.claim_id,
        type: claim.type,
        source: claim.source,
        target: claim.target,
        status: claim.status,
        modality: claim.modality,
        claimant: claim.claimant,
        reported_by: claim.reported_by,
        items: claim.items,
        quantity: claim.quantity,
        instrument: claim.instrument,
        event_date: claim.event_date,
        evidence: claim.evidence,
        confidence: claim.confidence,
      })),
    };
    // Says that a newer engine replaced earlier claims; consumers that keep claims drop the old ones.
    const headers: Record<string, string> = { 'extraction-revision': String(extraction.revision) };
    if (replacedEngineVersion) headers['replaces-engine-version'] = replacedEngineVersion;
    return { key: { articleId: extraction.article_id }, value, headers };
  }
}
