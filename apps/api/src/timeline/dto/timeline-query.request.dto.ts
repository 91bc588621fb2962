import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLAIM_STATUSES,
  CLAIM_TYPES,
  ClaimStatus,
  ClaimType,
  MODALITIES,
  Modality,
} from '@sitrep/extraction';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { QueryList, QueryStrings, toBooleanFlag } from './query-params.decorators';

const ACTOR_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const LANGUAGE = /^[a-z]{2,3}$/;

/** Filters and paging of GET /v1/actors/:id/timeline. */
export class TimelineQueryRequestDto {
  @ApiPropertyOptional({
    description: 'Only events with this other actor (either direction unless role is set)',
    example: 'IRN',
  })
  @IsOptional()
  @Matches(ACTOR_ID, { message: 'counterpart must be an actor id' })
  counterpart?: string;

  @QueryList(CLAIM_TYPES, 'Claim types')
  types?: ClaimType[];

  @ApiPropertyOptional({
    enum: ['source', 'target', 'any'],
    default: 'any',
    description: 'The actor as source (supplier, sender, imposer...) or target',
  })
  @IsOptional()
  @IsIn(['source', 'target', 'any'])
  role: 'source' | 'target' | 'any' = 'any';

  @QueryList(CLAIM_STATUSES, 'Statuses')
  status?: ClaimStatus[];

  @QueryList(MODALITIES, 'Modalities (any member claim; `denied` finds contradicted events)')
  modality?: Modality[];

  @ApiPropertyOptional({ description: 'Only events that fall under a sanctions regime', type: Boolean })
  @IsOptional()
  @Transform(toBooleanFlag)
  @IsBoolean()
  sanctions_relevant?: boolean;

  @ApiPropertyOptional({ description: 'Minimum independent sources (wire copies count once)', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  min_sources?: number;

  @ApiPropertyOptional({
    enum: ['event', 'first_seen'],
    default: 'event',
    description: 'Date the range and the order use',
  })
  @IsOptional()
  @IsIn(['event', 'first_seen'])
  date_field: 'event' | 'first_seen' = 'event';

  @ApiPropertyOptional({ description: 'From (inclusive), ISO date', example: '2022-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'To (inclusive), ISO date', example: '2022-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @QueryStrings('Article languages (ISO 639-1)')
  @Matches(LANGUAGE, { each: true, message: 'language must be ISO 639 codes' })
  language?: string[];

  @ApiPropertyOptional({ description: 'Free text over evidence sentences, items, claimants and instruments' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description: 'The timeline as it was known at this moment (ISO date-time)',
    example: '2022-09-08T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  as_of?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ description: 'The next_cursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

/** Filters of GET /v1/actors/:id/activity. */
export class ActivityQueryRequestDto {
  @QueryList(CLAIM_TYPES, 'Claim types')
  types?: ClaimType[];

  @ApiPropertyOptional({ enum: ['event', 'first_seen'], default: 'event' })
  @IsOptional()
  @IsIn(['event', 'first_seen'])
  date_field: 'event' | 'first_seen' = 'event';

  @ApiPropertyOptional({ example: '2022-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2022-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** GET /v1/actors?q= */
export class ActorSearchRequestDto {
  @ApiPropertyOptional({
    description: 'Any alias in any language (prefix, case- and accent-insensitive)',
    example: 'Korea Utara',
  })
  @IsString()
  @MaxLength(100)
  @Matches(/\S/, { message: 'q must not be blank' })
  q: string;

  @ApiPropertyOptional({ description: 'Only aliases of this language', example: 'id' })
  @IsOptional()
  @Matches(LANGUAGE)
  lang?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit = 10;
}

/** GET /v1/claims */
export class ClaimsQueryRequestDto {
  @ApiPropertyOptional({ description: 'Claims where this actor is source or target', example: 'PRK' })
  @IsOptional()
  @Matches(ACTOR_ID)
  actor?: string;

  @ApiPropertyOptional({ description: 'Claims of one cluster' })
  @IsOptional()
  @Matches(/^cl-[0-9a-f]{24}$/, { message: 'cluster_id must be a cluster id' })
  cluster_id?: string;

  @ApiPropertyOptional({ description: 'Claims of one article' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'article_id must be a UUID' })
  article_id?: string;

  @QueryList(CLAIM_TYPES, 'Claim types')
  types?: ClaimType[];

  @ApiPropertyOptional({
    description: 'Also claims replaced by a newer engine version',
    type: Boolean,
    default: false,
  })
  @IsOptional()
  @Transform(toBooleanFlag)
  @IsBoolean()
  include_superseded = false;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}
