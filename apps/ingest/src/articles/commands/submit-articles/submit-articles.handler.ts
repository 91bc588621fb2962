import { Inject, Logger, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ArticlesIngested, OutboxRelay, OutboxWriter } from '@sitrep/messaging';
import {
  ArticleIntakeRepository,
  IntakeRaceError,
  IntakeRow,
  StoredFingerprint,
  StoredFingerprints,
} from '@sitrep/persistence';
import { createHash } from 'node:crypto';
import { INGEST_SETTINGS, IngestSettings } from '../../../ingest.settings';
import { SubmitArticleResponseDto } from '../../dto/submit-article.response.dto';
import { articleIngestedMessage } from './article-ingested.event-factory';
import { DedupDecision, KnownArticle, KnownArticles, planDedup } from './plan-dedup';
import { prepareArticle } from './prepare-article';
import { SubmitArticlesCommand } from './submit-articles.command';

const MAX_ATTEMPTS = 3;

@CommandHandler(SubmitArticlesCommand)
export class SubmitArticlesHandler implements ICommandHandler<SubmitArticlesCommand> {
  private readonly logger = new Logger(SubmitArticlesHandler.name);

  constructor(
    private readonly repository: ArticleIntakeRepository,
    private readonly outbox: OutboxWriter,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async execute(command: SubmitArticlesCommand): Promise<SubmitArticleResponseDto[]> {
    const prepared = command.submissions.map((s) => prepareArticle(s));
    for (let attempt = 1; ; attempt++) {
      try {
        const decisions = await this.repository.transaction(async (manager) => {
          if (prepared.some((p) => p.simhash !== null)) await this.repository.lockNearDuplicates(manager);
          const fingerprints = prepared.flatMap((p) =>
            p.simhash !== null && p.bands ? [{ articleId: p.id, value: p.simhash, bands: p.bands }] : [],
          );
          const stored = await this.repository.findFingerprints(manager, {
            canonicalUrls: [...new Set(prepared.map((p) => p.canonicalUrl))],
            contentHashes: [...new Set(prepared.map((p) => p.contentHash))],
            simhashes: fingerprints,
            maxDistance: this.settings.nearMaxDistance,
            nearWindowDays: this.settings.nearWindowDays,
            probeFlips: this.settings.nearProbeFlips,
          });
          const plan = planDedup(prepared, toKnown(stored, fingerprints), this.settings.nearMaxDistance);
          const receivedAt = new Date();
          const messages = plan
            .filter((d) => d.publish)
            .map((d) => articleIngestedMessage(d, command.correlationId, receivedAt));
          const eventIds = new Map(messages.map((m) => [m.key.articleId, m.value.metadata.id]));
          const rows = plan.filter((d) => d.store).map((d) => toRow(d, eventIds.get(d.article.id) ?? null));
          // Article rows and their events commit together: what is accepted reaches Kafka through the relay.
          await this.repository.insert(manager, rows);
          await this.outbox.enqueue(manager, ArticlesIngested, messages, this.settings.ingestedTopic);
          return plan;
        });
        // The events are committed: publish them now instead of at the relay's next poll.
        if (decisions.some((d) => d.publish)) this.relay?.nudge();
        return decisions.map(toResponse);
      } catch (e) {
        if (!(e instanceof IntakeRaceError) || attempt >= MAX_ATTEMPTS) throw e;
        this.logger.warn(`intake race (${e.message}); retrying batch, attempt ${attempt + 1}`);
      }
    }
  }
}

/** What is stored, for planning; `fingerprints` are the batch's SimHashes as they were looked up, in order. */
function toKnown(stored: StoredFingerprints, fingerprints: { articleId: string }[]): KnownArticles {
  const known = (f: StoredFingerprint): KnownArticle => ({
    id: f.articleId,
    canonicalUrl: f.canonicalUrl,
    contentHash: f.contentHash,
    storyId: f.storyId,
    simhash: f.simhash,
    dedupKind: f.kind,
  });
  return {
    byUrl: new Map(stored.byUrl.map((f) => [f.canonicalUrl, known(f)])),
    byHash: new Map(stored.byHash.map((f) => [f.contentHash, known(f)])),
    nearestStored: new Map(
      stored.near.flatMap((f, i) => (f === null ? [] : [[fingerprints[i].articleId, known(f)] as const])),
    ),
  };
}

function toRow(d: DedupDecision, eventId: string | null): IntakeRow {
  const a = d.article;
  return {
    id: a.id,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    rawHash: createHash('sha256').update(a.raw).digest('hex'),
    contentHash: a.contentHash,
    title: a.title,
    language: a.language,
    publishedAt: a.publishedAt,
    raw: a.raw,
    source: a.source,
    feedId: a.feedId,
    kind: d.kind === 'same_url' ? 'original' : d.kind,
    storyId: d.storyId,
    duplicateOf: d.duplicateOf,
    distance: d.distance,
    simhash: a.simhash,
    bands: a.bands,
    published: d.publish,
    eventId,
  };
}

function toResponse(d: DedupDecision): SubmitArticleResponseDto {
  return {
    id: d.id,
    status: d.kind === 'original' ? 'new' : 'duplicate',
    dedup: d.kind,
    story_id: d.storyId,
    duplicate_of: d.duplicateOf,
    published: d.publish,
  };
}
