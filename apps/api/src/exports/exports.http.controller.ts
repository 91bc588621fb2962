import { RequireScopes } from '@sitrep/auth';
import {
  Controller,
  Get,
  Logger,
  NotFoundException,
  Param,
  Query,
  Res,
  ServiceUnavailableException,
  ValidationPipe,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ExportCapacityError } from '@sitrep/persistence/reports/row-stream.repository';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { exclusiveEnd } from '../reports/reports.http.controller';
import { ACTOR_ID } from '../reports/dto/report-query.request.dto';
import { ActorDirectory } from '../timeline/actor.directory';
import {
  ClaimsExportRequestDto,
  ClustersExportRequestDto,
  StixExportRequestDto,
  TimelineExportRequestDto,
} from './dto/export-query.request.dto';
import { CLAIM_COLUMNS, CLUSTER_COLUMNS } from './export.columns';
import type { ClaimExportFilter, ClusterExportFilter } from './export.sql';
import type { ExportStream } from './export.stream';
import { ExportClaimsQuery } from './queries/export-claims/export-claims.query';
import { ExportClustersQuery } from './queries/export-clusters/export-clusters.query';
import { ExportStixBundleQuery } from './queries/export-stix-bundle/export-stix-bundle.query';

const validated = new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true });
const PROBLEM = { description: 'Problem details (application/problem+json)' };
const BUSY = { description: 'Too many exports running at once (EXPORT_MAX_CONCURRENT); retry later' };
const csvExample = (columns: readonly string[]) => `${columns.join(',')}\n...`;

function claimFilter(query: StixExportRequestDto): ClaimExportFilter {
  return {
    actor: query.actor,
    counterpart: query.counterpart,
    role: query.role,
    types: query.types,
    statuses: query.status,
    modalities: query.modality,
    languages: query.language,
    sanctionsRelevantOnly: query.sanctions_relevant,
    from: query.from ? new Date(query.from) : undefined,
    before: query.to ? exclusiveEnd(query.to) : undefined,
    includeSuperseded: query.include_superseded,
  };
}

function clusterFilter(query: TimelineExportRequestDto, actor?: string): ClusterExportFilter {
  return {
    actor,
    counterpart: query.counterpart,
    role: query.role,
    types: query.types,
    statuses: query.status,
    modalities: query.modality,
    languages: query.language,
    sanctionsRelevantOnly: query.sanctions_relevant,
    minIndependentSources: query.min_sources,
    fromMonth: query.from?.slice(0, 7),
    toMonth: query.to?.slice(0, 7),
  };
}

/**
 * Streamed exports. Each pipes a PostgreSQL cursor through its formatter into the response with
 * backpressure; a client that disconnects destroys the pipeline, which closes the cursor and gives the
 * connection back. Errors before the first byte are problem+json; after it, the response is cut short.
 */
@ApiTags('exports')
@RequireScopes('read')
@Controller('v1/exports')
export class ExportsHttpController {
  private readonly logger = new Logger(ExportsHttpController.name);

  constructor(
    private readonly queries: QueryBus,
    private readonly actors: ActorDirectory,
  ) {}

  @Get('claims')
  @ApiOperation({
    summary: 'Claims as CSV or NDJSON, streamed',
    description:
      'Sorted by report date, then id. Columns: docs/exports.md. Lists are `|`-joined in CSV, arrays in NDJSON.',
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({ description: 'The rows', schema: { type: 'string', example: csvExample(CLAIM_COLUMNS) } })
  @ApiBadRequestResponse(PROBLEM)
  @ApiServiceUnavailableResponse(BUSY)
  async claims(@Query(validated) query: ClaimsExportRequestDto, @Res() res: ServerResponse): Promise<void> {
    this.send(res, await this.start(new ExportClaimsQuery(claimFilter(query), query.format)));
  }

  @Get('clusters')
  @ApiOperation({
    summary: 'Clusters (events) as CSV or NDJSON, streamed',
    description: 'Sorted by event month, then id. Columns: docs/exports.md.',
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    description: 'The rows',
    schema: { type: 'string', example: csvExample(CLUSTER_COLUMNS) },
  })
  @ApiBadRequestResponse(PROBLEM)
  @ApiServiceUnavailableResponse(BUSY)
  async clusters(
    @Query(validated) query: ClustersExportRequestDto,
    @Res() res: ServerResponse,
  ): Promise<void> {
    this.send(
      res,
      await this.start(new ExportClustersQuery(clusterFilter(query, query.actor), query.format)),
    );
  }

  @Get('actors/:id/timeline')
  @ApiOperation({
    summary: "An actor's timeline (its clusters) as CSV or NDJSON, streamed",
    description: 'The clusters export of one actor, with the timeline filters. Columns: docs/exports.md.',
  })
  @ApiParam({ name: 'id', example: 'PRK' })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    description: 'The rows',
    schema: { type: 'string', example: csvExample(CLUSTER_COLUMNS) },
  })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @ApiServiceUnavailableResponse(BUSY)
  async timeline(
    @Param('id') id: string,
    @Query(validated) query: TimelineExportRequestDto,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const actor = ACTOR_ID.test(id) ? this.actors.find(id) : null;
    if (!actor) throw new NotFoundException(`Unknown actor ${id}`);
    const filename = `sitrep-timeline-${actor.id}`;
    this.send(
      res,
      await this.start(new ExportClustersQuery(clusterFilter(query, actor.id), query.format, filename)),
    );
  }

  @Get('stix')
  @ApiOperation({
    summary: 'Claims as a STIX 2.1 bundle, streamed',
    description:
      'Identities for actors (UUIDv5 ids: the same actor always has the same id), a relationship per claim ' +
      'between two actors (a report when one party is missing) with the evidence, the source article as ' +
      'external reference, confidence 0-100, created/modified and x_sitrep_* properties (type, status, ' +
      'modality, instrument, first/last seen of the event). Validates against the STIX 2.1 JSON schemas.',
  })
  @ApiProduces('application/stix+json;version=2.1')
  @ApiOkResponse({
    description: 'The bundle',
    schema: { type: 'object', example: { type: 'bundle', id: 'bundle--…', objects: [] } },
  })
  @ApiBadRequestResponse(PROBLEM)
  @ApiServiceUnavailableResponse(BUSY)
  async stix(@Query(validated) query: StixExportRequestDto, @Res() res: ServerResponse): Promise<void> {
    this.send(res, await this.start(new ExportStixBundleQuery(claimFilter(query))));
  }

  private async start(
    query: ExportClaimsQuery | ExportClustersQuery | ExportStixBundleQuery,
  ): Promise<ExportStream> {
    try {
      return await this.queries.execute(query);
    } catch (error) {
      if (error instanceof ExportCapacityError) throw new ServiceUnavailableException(error.message);
      throw error;
    }
  }

  private send(res: ServerResponse, stream: ExportStream): void {
    res.statusCode = 200;
    res.setHeader('content-type', stream.contentType);
    res.setHeader('content-disposition', `attachment; filename="${stream.filename}"`);
    res.setHeader('cache-control', 'no-store');
    pipeline([stream.rows, ...stream.stages, res], (error: NodeJS.ErrnoException | null) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        this.logger.error(`export ${stream.filename} failed: ${error.message}`, error.stack);
      }
    });
  }
}
