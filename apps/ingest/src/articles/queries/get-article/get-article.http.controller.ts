import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequireScopes } from '@sitrep/auth';
import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ArticleView } from '@sitrep/persistence';
import { GetArticleQuery } from './get-article.query';
import { ARTICLE_VIEW_SCHEMA, PROBLEM } from '../../../ingest.openapi-schemas';

/** Where the article stands: `queued` until the relay sent its event, then `published`. */
export type ProcessingState = 'queued' | 'published' | 'not_published';

@ApiTags('articles')
@RequireScopes('read', 'ingest')
@Controller('v1/articles')
export class GetArticleHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @ApiOperation({ summary: 'An article: metadata, deduplication and where it stands in the pipeline' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ schema: ARTICLE_VIEW_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const view = await this.queryBus.execute(new GetArticleQuery(id));
    if (!view) throw new NotFoundException(`article ${id} not found`);
    return toResponse(view);
  }
}

function processingOf(view: ArticleView): ProcessingState {
  if (view.dedup && !view.dedup.published) return 'not_published';
  // Sent outbox rows may be pruned: a published article without its row has been sent.
  return view.outbox && view.outbox.sentAt === null ? 'queued' : 'published';
}

function toResponse(view: ArticleView) {
  return {
    id: view.id,
    url: view.url,
    canonical_url: view.canonicalUrl,
    title: view.title,
    language: view.language,
    published_at: view.publishedAt,
    source: view.source,
    received_at: view.receivedAt,
    raw_length: view.rawLength,
    dedup: view.dedup && {
      kind: view.dedup.kind,
      story_id: view.dedup.storyId,
      duplicate_of: view.dedup.duplicateOf,
      distance: view.dedup.distance,
      content_hash: view.dedup.contentHash,
      simhash: view.dedup.simhash,
      feed_id: view.dedup.feedId,
      story_copies: view.storyCopies,
    },
    processing: {
      /** received, extracted or failed (set by the extractor). */
      state: view.state,
      event: processingOf(view),
      event_sent_at: view.outbox?.sentAt ?? null,
      publish_attempts: view.outbox?.attempts ?? 0,
      last_error: view.outbox?.lastError ?? null,
    },
  };
}
