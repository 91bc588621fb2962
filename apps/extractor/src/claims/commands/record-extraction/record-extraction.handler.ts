import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { ClaimRecord, ClusterView, ClusterViewFactory, ClusterViewMerger } from '@sitrep/domain/clusters';
import {
  ClaimsExtracted,
  metadataCausedBy,
  OutboxRelay,
  OutboxWriter,
  OutgoingMessage,
  StageTrace,
  traceHeaders,
  withStages,
} from '@sitrep/messaging';
import { ClaimsRepository, ClusterSpan } from '@sitrep/persistence/claims';
import { DataSource } from 'typeorm';
import { EXTRACTION_ENGINE, ExtractionEngine } from '../../claims.di-tokens';
import { EXTRACTOR_CLAIMS_OPTIONS, ExtractorClaimsOptions } from '../../claims.options';
import { ClaimsRecordedEvent } from '../../events/claims-recorded.event';
import { compareEngineVersions } from './engine-version';
import { ArticleFacts, ExtractionRecordFactory, ExtractionRecords } from './extraction-record.factory';
import {
  ExtractionRequest,
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

/** Per cluster, when the claims that joined it (recorded) or left it (superseded) in this chunk did so. */
function spansOf(
  superseded: readonly ClaimRecord[],
  added: readonly ClaimRecord[],
): Map<string, ClusterSpan> {
  const spans = new Map<string, ClusterSpan>();
  const widen = (clusterId: string, recordedAt: string, changedAt: string) => {
    const span = spans.get(clusterId);
    if (!span) spans.set(clusterId, { recorded_from: recordedAt, changed_at: changedAt });
    else {
      if (Date.parse(recordedAt) < Date.parse(span.recorded_from)) span.recorded_from = recordedAt;
      if (Date.parse(changedAt) > Date.parse(span.changed_at)) span.changed_at = changedAt;
    }
  };
  for (const claim of added) widen(claim.cluster_id, claim.recorded_at, claim.recorded_at);
  for (const claim of superseded)
    widen(claim.cluster_id, claim.recorded_at, claim.superseded_at ?? claim.recorded_at);
  return spans;
}

/** What the transaction decided for one request. */
type Plan =
  | { kind: 'unchanged'; request: ExtractionRequest; engineVersion: string; storedEngineVersion: string }
  | {
      kind: 'recorded' | 'replaced';
      request: ExtractionRequest;
      records: ExtractionRecords;
      replacedEngineVersion: string | null;
    };

/**
 * Runs the engine on a chunk of articles and stores the results, their clusters and the outbox rows in
 * one transaction, with one round trip per kind of row (bulk inserts). Clusters that only gain members
 * are updated incrementally (ClusterViewMerger, from the stored summary and merge state); a cluster
 * that loses members (a newer engine replaced an article's claims) is rebuilt from its current members.
 */
@CommandHandler(RecordExtractionCommand)
export class RecordExtractionHandler implements ICommandHandler<RecordExtractionCommand> {
  private readonly logger = new Logger(RecordExtractionHandler.name);
  private readonly records = new ExtractionRecordFactory();
  private readonly views = new ClusterViewFactory();
  private readonly merger = new ClusterViewMerger();

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly events: EventBus,
    private readonly outbox: OutboxWriter,
    @Inject(EXTRACTION_ENGINE) private readonly engine: ExtractionEngine,
    @Inject(EXTRACTOR_CLAIMS_OPTIONS) private readonly options: Pick<ExtractorClaimsOptions, 'outputTopic'>,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async execute({ requests }: RecordExtractionCommand): Promise<RecordExtractionOutcome[]> {
    if (requests.length === 0) return [];
    const ids = [...new Set(requests.map((request) => request.article.articleId))];
    const sources = await this.claims.loadArticles(ids);
    const missing = ids.find((id) => !sources.has(id));
    if (missing) throw new ArticleNotFoundError(`article ${missing} is not in PostgreSQL`);

    // The engine is pure and CPU-bound: it runs before the transaction so locks are held briefly.
    const results = await Promise.all(
      requests.map(({ article }) => {
        const source = sources.get(article.articleId)!;
        return this.engine({
          id: article.articleId,
          raw: source.raw,
          url: article.url ?? source.url,
          published_at: article.publishedAt ?? source.published_at,
          language: article.language ?? source.language,
        });
      }),
    );
    const extractedAt = Date.now();

    const plans = await this.dataSource.transaction(async (manager) => {
      const repo = this.claims.withTransaction(manager);
      await repo.lockArticles(ids);
      const stored = await repo.findExtractions(ids);
      const now = new Date();
      const plans: Plan[] = requests.map((request, i) => {
        const { article } = request;
        const result = results[i];
        const existing = stored.get(article.articleId);
        if (existing && compareEngineVersions(existing.engine_version, result.engine_version) >= 0) {
          // Redelivery, or an older engine than the one that produced the stored claims: nothing changes.
          return {
            kind: 'unchanged',
            request,
            engineVersion: result.engine_version,
            storedEngineVersion: existing.engine_version,
          };
        }
        const source = sources.get(article.articleId)!;
        const facts: ArticleFacts = {
          id: article.articleId,
          url: article.canonicalUrl ?? article.url ?? source.url,
          outlet: outletOf(article),
          story_id: article.storyId,
          seen_at: new Date(article.receivedAt).toISOString(),
          published_at: article.publishedAt ?? source.published_at,
        };
        const records = this.records.build(facts, result, (existing?.revision ?? 0) + 1, now);
        // A second request for the same article in this chunk sees this one as stored.
        stored.set(article.articleId, records.extraction);
        return {
          kind: existing ? 'replaced' : 'recorded',
          request,
          records,
          replacedEngineVersion: existing?.engine_version ?? null,
        };
      });
      const changed = plans.filter((plan) => plan.kind !== 'unchanged');
      if (changed.length === 0) return plans;

      const replacedIds = changed
        .filter((plan) => plan.kind === 'replaced')
        .map((plan) => plan.request.article.articleId);
      const superseded = await repo.supersedeClaimsOf(replacedIds, now);
      await repo.saveExtractions(changed.map((plan) => plan.records.extraction));
      await repo.replaceActorsOf(
        changed.map((plan) => plan.request.article.articleId),
        changed.flatMap((plan) => plan.records.actors),
      );
      const added = changed.flatMap((plan) => plan.records.claims);
      await repo.insertClaims(added);
      await this.updateClusters(repo, superseded, added);
      const storedAt = Date.now();
      const trace = (request: ExtractionRequest): StageTrace =>
        withStages(request.trace ?? [], ['extractor.extracted', extractedAt], ['extractor.stored', storedAt]);
      await this.outbox.enqueue(
        manager,
        ClaimsExtracted,
        changed.map((plan) =>
          this.message(plan.records, plan.request.cause, plan.replacedEngineVersion, trace(plan.request)),
        ),
        this.options.outputTopic ?? ClaimsExtracted.topic,
      );
      return plans;
    });

    // The outbox rows are committed: publish them now instead of at the relay's next poll.
    if (plans.some((plan) => plan.kind !== 'unchanged')) this.relay?.nudge();
    return plans.map((plan) => this.report(plan));
  }

  /**
   * Updates every cluster the chunk touched, under per-cluster locks taken in id order. A cluster that
   * only gains members is merged from its stored view; one that lost members, or has no merge state
   * yet, is rebuilt from its current members (retired when none are left).
   */
  private async updateClusters(repo: ClaimsRepository, superseded: ClaimRecord[], added: ClaimRecord[]) {
    const clusterIds = [...new Set([...superseded, ...added].map((claim) => claim.cluster_id))].sort();
    await repo.lockClusters(clusterIds);
    const rebuild = new Set(superseded.map((claim) => claim.cluster_id));
    const storedViews = await repo.findClusterViews(clusterIds.filter((id) => !rebuild.has(id)));
    const addedBy = new Map<string, ClaimRecord[]>();
    for (const claim of added)
      addedBy.set(claim.cluster_id, [...(addedBy.get(claim.cluster_id) ?? []), claim]);

    const views: ClusterView[] = [];
    for (const clusterId of clusterIds) {
      if (rebuild.has(clusterId)) continue;
      const members = addedBy.get(clusterId) ?? [];
      const storedView = storedViews.get(clusterId);
      if (storedView) views.push(this.merger.merge(storedView, members));
      else if (storedView === undefined) views.push(this.views.build(members)!);
      else rebuild.add(clusterId); // stored without a merge state, or emptied earlier
    }
    if (rebuild.size > 0) {
      const members = await repo.currentMembers([...rebuild]);
      for (const clusterId of [...rebuild].sort()) {
        const view = this.views.build(members.filter((member) => member.cluster_id === clusterId));
        if (view) views.push(view);
        else await repo.retireCluster(clusterId);
      }
    }
    await repo.upsertClusters(views, spansOf(superseded, added));
  }

  /** Logs and publishes the in-process event of one outcome (after the commit). */
  private report(plan: Plan): RecordExtractionOutcome {
    const { articleId } = plan.request.article;
    if (plan.kind === 'unchanged') {
      this.logger.debug(`article ${articleId} already extracted by ${plan.storedEngineVersion}`);
      return {
        kind: 'unchanged',
        articleId,
        engineVersion: plan.engineVersion,
        storedEngineVersion: plan.storedEngineVersion,
      };
    }
    const { extraction, claims } = plan.records;
    const outcome = {
      kind: plan.kind,
      articleId,
      engineVersion: extraction.engine_version,
      claimCount: claims.length,
      clusterIds: [...new Set(claims.map((claim) => claim.cluster_id))].sort(),
    };
    if (plan.kind === 'replaced')
      this.logger.log(`article ${articleId}: claims replaced by engine ${extraction.engine_version}`);
    this.events.publish(new ClaimsRecordedEvent(outcome));
    return outcome;
  }

  private message(
    records: ExtractionRecords,
    cause: ExtractionRequest['cause'],
    replacedEngineVersion: string | null,
    trace: StageTrace,
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
    const headers: Record<string, string> = {
      'extraction-revision': String(extraction.revision),
      ...traceHeaders(trace),
    };
    if (replacedEngineVersion) headers['replaces-engine-version'] = replacedEngineVersion;
    return { key: { articleId: extraction.article_id }, value, headers };
  }
}
