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
import { ACTOR_ID, MatrixQueryRequestDto, TrendsQueryRequestDto } from './dto/report-query.request.dto';
import { ActorDossierDto, MatrixDto, TrendsDto } from './dto/report.response.dto';
import { GetActorDossierQuery } from './queries/get-actor-dossier/get-actor-dossier.query';
import { GetPairMatrixQuery } from './queries/get-pair-matrix/get-pair-matrix.query';
import { GetTrendsQuery } from './queries/get-trends/get-trends.query';

const validated = new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true });
const PROBLEM = { description: 'Problem details (application/problem+json)' };
const BAD_REQUEST = {
  ...PROBLEM,
  schema: {
    example: {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'interval must be one of the following values: week, month',
      instance: '/v1/reports/trends?interval=day',
    },
  },
};

/** The first instant after an inclusive `to`: the next day for a date, the next millisecond otherwise. */
export function exclusiveEnd(to: string): Date {
  const end = new Date(to.length === 10 ? `${to}T00:00:00Z` : to);
  return new Date(end.getTime() + (to.length === 10 ? 86_400_000 : 1));
}

function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && Date.parse(from) > Date.parse(to)) {
    throw new BadRequestException('from must not be after to');
  }
}

@ApiTags('reports')
@RequireScopes('read')
@Controller('v1/reports')
export class ReportsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('actors/:id')
  @ApiOperation({
    summary: 'Dossier of an actor',
    description:
      'Counterparts per claim type and role, a summary by event month, sanctions-relevant clusters with ' +
      'their instruments, top claimants and outlets, languages, first and last seen. Exact counts from ' +
      'PostgreSQL over current claims (not those replaced by a newer engine). A state includes its agencies ' +
      'and officials.',
  })
  @ApiParam({ name: 'id', example: 'PRK' })
  @ApiOkResponse({ type: ActorDossierDto })
  @ApiNotFoundResponse(PROBLEM)
  async dossier(@Param('id') id: string): Promise<ActorDossierDto> {
    const dossier = ACTOR_ID.test(id) ? await this.queries.execute(new GetActorDossierQuery(id)) : null;
    if (!dossier) throw new NotFoundException(`Unknown actor ${id}`);
    return dossier;
  }

  @Get('matrix')
  @ApiOperation({
    summary: 'Source x target matrix of one claim type (supplier x recipient for arms transfers)',
    description:
      'Clusters, articles and claims per pair, with the most named items. Pairs are country-folded; ' +
      '`from`/`to` select events by their month.',
  })
  @ApiOkResponse({ type: MatrixDto })
  @ApiBadRequestResponse(BAD_REQUEST)
  matrix(@Query(validated) query: MatrixQueryRequestDto): Promise<MatrixDto> {
    checkRange(query.from, query.to);
    return this.queries.execute(
      new GetPairMatrixQuery({
        type: query.type,
        fromMonth: query.from?.slice(0, 7),
        toMonth: query.to?.slice(0, 7),
        limit: query.limit,
        itemsPerPair: 5,
      }),
    );
  }

  @Get('trends')
  @ApiOperation({
    summary: 'Claims, clusters and articles per week or month',
    description:
      'Buckets of the report date (the article’s publication date, else when Sitrep accepted it), UTC; ' +
      'weeks start on Monday. Filter by actor (either side) and claim types.',
  })
  @ApiOkResponse({ type: TrendsDto })
  @ApiBadRequestResponse(BAD_REQUEST)
  trends(@Query(validated) query: TrendsQueryRequestDto): Promise<TrendsDto> {
    checkRange(query.from, query.to);
    return this.queries.execute(
      new GetTrendsQuery({
        actor: query.actor,
        types: query.type,
        interval: query.interval,
        from: query.from ? new Date(query.from) : undefined,
        before: query.to ? exclusiveEnd(query.to) : undefined,
      }),
    );
  }
}
