import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { RequireScopes } from '@sitrep/auth';
import {
  Controller,
  HttpCode,
  HttpStatus,
  Inject,
  PayloadTooLargeException,
  Post,
  Req,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RequestWithContext } from '@sitrep/domain/http';
import { randomUUID } from 'node:crypto';
import { INGEST_SETTINGS, IngestSettings } from '../../../ingest.settings';
import { ARTICLE_LIMITS } from '../../articles.limits';
import { SubmitArticleRequestDto } from '../../dto/submit-article.request.dto';
import {
  SubmitArticleResponseDto,
  SubmitArticlesBatchResponseDto,
} from '../../dto/submit-article.response.dto';
import { SubmitArticlesBatchRequestDto } from '../../dto/submit-articles-batch.request.dto';
import { readRequestBody } from '../../read-request-body';
import { validateDto } from '../../validate-dto';
import { SubmitArticlesCommand } from './submit-articles.command';
import {
  ARTICLE_SCHEMA,
  BATCH_RESULT_SCHEMA,
  BATCH_SCHEMA,
  PROBLEM,
  SUBMIT_RESULT_SCHEMA,
} from '../../../ingest.openapi-schemas';

/** Query parameters (or `X-Article-*` headers) that describe a text/html or text/plain body. */
const META_FIELDS = ['url', 'title', 'published_at', 'language', 'source'] as const;

@ApiTags('articles')
@RequireScopes('ingest')
@Controller('v1/articles')
export class SubmitArticlesHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
  ) {}

  /** One article as JSON, or as an HTML / plain-text body with its metadata in the query or headers. */
  @ApiOperation({
    summary:
      'Submit one article (202): JSON, or an HTML / plain-text body with its metadata in the query or X-Article-* headers',
  })
  @ApiConsumes('application/json', 'text/html', 'text/plain')
  @ApiBody({ schema: ARTICLE_SCHEMA })
  @ApiQuery({ name: 'url', required: false, description: 'For text bodies (or X-Article-Url)' })
  @ApiQuery({ name: 'title', required: false, description: 'For text bodies (or X-Article-Title)' })
  @ApiQuery({
    name: 'published_at',
    required: false,
    description: 'For text bodies (or X-Article-Published-At)',
  })
  @ApiQuery({ name: 'language', required: false, description: 'For text bodies (or X-Article-Language)' })
  @ApiQuery({ name: 'source', required: false, description: 'For text bodies (or X-Article-Source)' })
  @ApiAcceptedResponse({ schema: SUBMIT_RESULT_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @ApiPayloadTooLargeResponse(PROBLEM)
  @ApiUnsupportedMediaTypeResponse(PROBLEM)
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async submit(@Req() req: RequestWithContext): Promise<SubmitArticleResponseDto> {
    const body = await readRequestBody(req, this.settings.maxBodyBytes, ['json', 'html', 'text']);
    const plain = body.kind === 'json' ? body.value : { ...metadataOf(req), raw: body.value };
    const dto = await validateDto(SubmitArticleRequestDto, plain);
    const [result] = await this.commandBus.execute(new SubmitArticlesCommand([dto], correlationOf(req)));
    return result;
  }

  /** Up to 500 articles as `{"articles": [...]}` (or a bare array), stored in one transaction. */
  @ApiOperation({ summary: 'Submit up to 500 articles in one transaction (202)' })
  @ApiBody({ schema: BATCH_SCHEMA })
  @ApiAcceptedResponse({ schema: BATCH_RESULT_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @ApiPayloadTooLargeResponse(PROBLEM)
  @ApiUnsupportedMediaTypeResponse(PROBLEM)
  @Post('batch')
  @HttpCode(HttpStatus.ACCEPTED)
  async submitBatch(@Req() req: RequestWithContext): Promise<SubmitArticlesBatchResponseDto> {
    const body = await readRequestBody(req, this.settings.maxBatchBodyBytes, ['json']);
    const plain = Array.isArray(body.value) ? { articles: body.value } : body.value;
    const max = Math.min(this.settings.maxBatchSize, ARTICLE_LIMITS.batchMaxSize);
    const count = (plain as { articles?: unknown })?.articles;
    if (Array.isArray(count) && count.length > max) {
      throw new PayloadTooLargeException(
        `batch of ${count.length} articles exceeds the limit of ${max}; split it`,
      );
    }
    const dto = await validateDto(SubmitArticlesBatchRequestDto, plain);
    const results = await this.commandBus.execute(
      new SubmitArticlesCommand(dto.articles, correlationOf(req)),
    );
    const fresh = results.filter((r) => r.status === 'new').length;
    return { accepted: results.length, new: fresh, duplicates: results.length - fresh, results };
  }
}

function metadataOf(req: RequestWithContext): Record<string, string> {
  const url = new URL(req.url ?? '/', 'http://ingest.invalid');
  const meta: Record<string, string> = {};
  for (const field of META_FIELDS) {
    const header = req.headers[`x-article-${field.replace('_', '-')}`];
    const value = url.searchParams.get(field) ?? (Array.isArray(header) ? header[0] : header);
    if (value !== undefined && value !== null) meta[field] = value;
  }
  return meta;
}

function correlationOf(req: RequestWithContext): string {
  return req.correlationId ?? req.requestId ?? randomUUID();
}
