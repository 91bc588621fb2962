import { RequireScopes } from '@sitrep/auth';
import { Controller, Get, Query, ValidationPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NetworkQueryRequestDto } from './dto/network-query.request.dto';
import { NetworkDto } from './dto/network.response.dto';
import { GetNetworkQuery } from './queries/get-network/get-network.query';

const validated = new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true });

@ApiTags('network')
@RequireScopes('read')
@Controller('v1/network')
export class NetworkHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Actors linked by claims (arms transfers by default): one edge per source, target and type',
  })
  @ApiOkResponse({ type: NetworkDto })
  @ApiBadRequestResponse({ description: 'Problem details (application/problem+json)' })
  network(@Query(validated) query: NetworkQueryRequestDto): Promise<NetworkDto> {
    return this.queries.execute(new GetNetworkQuery({ types: query.types, from: query.from, to: query.to }));
  }
}
