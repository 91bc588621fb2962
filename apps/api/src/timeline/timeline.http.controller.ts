import { RequireScopes } from '@sitrep/auth';
import {
  BadRequestException,
  Controller,
  Get,
  NotFoundException,
  Param,
  Query,
  ValidationPipe,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { InvalidCursorError } from '@sitrep/search/timeline/timeline.cursor';
import type { TimelineFilter } from '@sitrep/search/timeline/timeline.query';
import { ActorDirectory } from './actor.directory';
import {
  ActivityQueryRequestDto,
  ActorSearchRequestDto,
  ClaimsQueryRequestDto,
  TimelineQueryRequestDto,
} from './dto/timeline-query.request.dto';
import {
  ActivityResponseDto,
  ActorDto,
  ActorSearchResponseDto,
  ClaimsPageDto,
  ClusterDetailDto,
  TimelinePageDto,
} from './dto/timeline.response.dto';
import { FindClaimsQuery } from './queries/find-claims/find-claims.query';
import { GetActorActivityQuery } from './queries/get-actor-activity/get-actor-activity.query';
import { GetActorTimelineQuery } from './queries/get-actor-timeline/get-actor-timeline.query';
import { GetClusterQuery } from './queries/get-cluster/get-cluster.query';

const validated = new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true });
const ACTOR_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PROBLEM = { description: 'Problem details (application/problem+json)' };

/** Errors of a query mapped to HTTP here, and only here. */
async function run<T>(work: () => Promise<T | null>, notFound: string): Promise<T> {
  try {
    const result = await work();
    if (result === null) throw new NotFoundException(notFound);
    return result;
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new BadRequestException(error.message);
    throw error;
  }
}

@ApiTags('actors')
@RequireScopes('read')
@Controller('v1/actors')
export class ActorsHttpController {
  constructor(
    private readonly actors: ActorDirectory,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Find actors by any alias in any language' })
  @ApiOkResponse({ type: ActorSearchResponseDto })
  @ApiBadRequestResponse(PROBLEM)
  search(@Query(validated) query: ActorSearchRequestDto): ActorSearchResponseDto {
    return { items: this.actors.search(query.q, query.lang, query.limit) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One actor' })
  @ApiParam({ name: 'id', example: 'PRK' })
  @ApiOkResponse({ type: ActorDto })
  @ApiNotFoundResponse(PROBLEM)
  get(@Param('id') id: string): ActorDto {
    const actor = ACTOR_ID.test(id) ? this.actors.find(id) : null;
    if (!actor) throw new NotFoundException(`Unknown actor ${id}`);
    return actor;
  }

  @Get(':id/timeline')
  @ApiOperation({
    summary:
      'Timeline of an actor: events (clusters of claims from many articles), sorted by date, cursor-paged',
  })
  @ApiParam({ name: 'id', example: 'PRK' })
  @ApiOkResponse({ type: TimelinePageDto })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  timeline(
    @Param('id') id: string,
    @Query(validated) query: TimelineQueryRequestDto,
  ): Promise<TimelinePageDto> {
    const filter: TimelineFilter = {
      actorId: id,
      counterpart: query.counterpart,
      types: query.types,
      role: query.role,
      statuses: query.status,
      modalities: query.modality,
      sanctionsRelevantOnly: query.sanctions_relevant,
      minIndependentSources: query.min_sources,
      dateField: query.date_field,
      from: query.from,
      to: query.to,
      languages: query.language,
      q: query.q,
      asOf: query.as_of,
    };
    return run(
      () =>
        this.queries.execute(
          new GetActorTimelineQuery(filter, query.order, query.limit, query.cursor ?? null),
        ),
      `Unknown actor ${id}`,
    );
  }

  @Get(':id/activity')
  @ApiOperation({ summary: 'Events per month and claim type of an actor (for charts)' })
  @ApiParam({ name: 'id', example: 'RUS' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiNotFoundResponse(PROBLEM)
  activity(
    @Param('id') id: string,
    @Query(validated) query: ActivityQueryRequestDto,
  ): Promise<ActivityResponseDto> {
    const filter: TimelineFilter = {
      actorId: id,
      role: 'any',
      types: query.types,
      dateField: query.date_field,
      from: query.from,
      to: query.to,
    };
    return run(() => this.queries.execute(new GetActorActivityQuery(filter)), `Unknown actor ${id}`);
  }
}

@ApiTags('claims')
@RequireScopes('read')
@Controller('v1')
export class ClaimsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('claims')
  @ApiOperation({ summary: 'Claims with evidence and article links, newest first' })
  @ApiOkResponse({ type: ClaimsPageDto })
  @ApiBadRequestResponse(PROBLEM)
  claims(@Query(validated) query: ClaimsQueryRequestDto): Promise<ClaimsPageDto> {
    return run(
      () =>
        this.queries.execute(
          new FindClaimsQuery(
            {
              actor: query.actor,
              clusterId: query.cluster_id,
              articleId: query.article_id,
              types: query.types,
              includeSuperseded: query.include_superseded,
            },
            query.limit,
            query.cursor ?? null,
          ),
        ),
      'No claims',
    );
  }

  @Get('clusters/:id')
  @ApiOperation({ summary: 'One event: its summary, sanctions flags, claims, evidence and articles' })
  @ApiParam({ name: 'id', example: 'cl-0123456789abcdef01234567' })
  @ApiOkResponse({ type: ClusterDetailDto })
  @ApiNotFoundResponse(PROBLEM)
  cluster(@Param('id') id: string): Promise<ClusterDetailDto> {
    if (!/^cl-[0-9a-f]{24}$/.test(id)) throw new NotFoundException(`Unknown cluster ${id}`);
    return run(() => this.queries.execute(new GetClusterQuery(id)), `Unknown cluster ${id}`);
  }
}
