import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_TYPES, ClaimType } from '@sitrep/extraction';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { QueryList } from '../../timeline/dto/query-params.decorators';

export const ACTOR_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** GET /v1/reports/matrix */
export class MatrixQueryRequestDto {
  @ApiProperty({ enum: CLAIM_TYPES, example: 'arms_transfer', description: 'Claim type of the clusters' })
  @IsIn(CLAIM_TYPES)
  type: ClaimType;

  @ApiPropertyOptional({
    description: 'Events from this date (inclusive; compared by event month)',
    example: '2022-01-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description: 'Events up to this date (inclusive; by event month)',
    example: '2023-12-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200, description: 'Most cells returned' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 200;
}

/** GET /v1/reports/trends */
export class TrendsQueryRequestDto {
  @ApiPropertyOptional({ description: 'Only claims with this actor on either side', example: 'PRK' })
  @IsOptional()
  @Matches(ACTOR_ID, { message: 'actor must be an actor id' })
  actor?: string;

  @QueryList(CLAIM_TYPES, 'Claim types')
  type?: ClaimType[];

  @ApiPropertyOptional({ enum: ['week', 'month'], default: 'month' })
  @IsOptional()
  @IsIn(['week', 'month'])
  interval: 'week' | 'month' = 'month';

  @ApiPropertyOptional({ description: 'Report date from (inclusive), ISO date', example: '2022-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Report date to (inclusive), ISO date', example: '2023-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
