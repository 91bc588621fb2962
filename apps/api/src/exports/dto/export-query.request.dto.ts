import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  CLAIM_STATUSES,
  CLAIM_TYPES,
  ClaimStatus,
  ClaimType,
  MODALITIES,
  Modality,
} from '@sitrep/extraction';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { QueryList, QueryStrings, toBooleanFlag } from '../../timeline/dto/query-params.decorators';
import { ACTOR_ID } from '../../reports/dto/report-query.request.dto';
import { EXPORT_FORMATS, ExportFormat } from '../export.formats';

const LANGUAGE = /^[a-z]{2,3}$/;

/** Filters every export shares (the timeline's). */
class ExportFilterRequestDto {
  @ApiPropertyOptional({
    description: 'Only this actor (a state includes its agencies and officials)',
    example: 'PRK',
  })
  @IsOptional()
  @Matches(ACTOR_ID, { message: 'actor must be an actor id' })
  actor?: string;

  @ApiPropertyOptional({ description: 'Only with this other actor', example: 'RUS' })
  @IsOptional()
  @Matches(ACTOR_ID, { message: 'counterpart must be an actor id' })
  counterpart?: string;

  @ApiPropertyOptional({ enum: ['source', 'target', 'any'], default: 'any', description: "The actor's side" })
  @IsOptional()
  @IsIn(['source', 'target', 'any'])
  role: 'source' | 'target' | 'any' = 'any';

  @QueryList(CLAIM_TYPES, 'Claim types')
  types?: ClaimType[];

  @QueryList(CLAIM_STATUSES, 'Statuses')
  status?: ClaimStatus[];

  @QueryList(MODALITIES, 'Modalities')
  modality?: Modality[];

  @QueryStrings('Article languages (ISO 639-1)')
  @Matches(LANGUAGE, { each: true, message: 'language must be ISO 639 codes' })
  language?: string[];

  @ApiPropertyOptional({ description: 'Only what falls under a sanctions regime', type: Boolean })
  @IsOptional()
  @Transform(toBooleanFlag)
  @IsBoolean()
  sanctions_relevant?: boolean;
}

/** GET /v1/exports/claims */
export class ClaimsExportRequestDto extends ExportFilterRequestDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';

  @ApiPropertyOptional({ description: 'Report date from (inclusive), ISO date', example: '2022-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Report date to (inclusive), ISO date', example: '2023-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    description: 'Also claims replaced by a newer engine',
    type: Boolean,
    default: false,
  })
  @IsOptional()
  @Transform(toBooleanFlag)
  @IsBoolean()
  include_superseded = false;
}

/** GET /v1/exports/stix */
export class StixExportRequestDto extends OmitType(ClaimsExportRequestDto, ['format'] as const) {}

/** GET /v1/exports/clusters */
export class ClustersExportRequestDto extends ExportFilterRequestDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';

  @ApiPropertyOptional({ description: 'Minimum independent sources', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  min_sources?: number;

  @ApiPropertyOptional({
    description: 'Events from this date (inclusive; by event month)',
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
}

/** GET /v1/exports/actors/:id/timeline: the clusters export of one actor. */
export class TimelineExportRequestDto extends OmitType(ClustersExportRequestDto, ['actor'] as const) {}
