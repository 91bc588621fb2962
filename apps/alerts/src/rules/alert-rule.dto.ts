import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CLAIM_TYPES, MODALITIES } from '@sitrep/extraction/model';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** What a rule matches on; every field is optional and narrows the match. */
export class AlertRuleFilterDto {
  /** The cluster involves at least one of these actors (raw or country-folded ids). */
  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    example: ['PRK'],
    description: 'The cluster involves at least one of these actors',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  actors_any?: string[];

  /** The cluster involves every one of these actors. */
  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    description: 'The cluster involves every one of these actors',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  actors_all?: string[];

  /** The other party: the cluster involves it too. */
  @ApiPropertyOptional({ example: 'RUS', description: 'The other party' })
  @IsOptional()
  @IsString()
  counterpart?: string;

  @ApiPropertyOptional({ enum: CLAIM_TYPES, isArray: true, example: ['arms_transfer'] })
  @IsOptional()
  @IsArray()
  @IsIn(CLAIM_TYPES, { each: true })
  claim_types?: string[];

  @ApiPropertyOptional({ description: 'Only sanctions-relevant clusters' })
  @IsOptional()
  @IsBoolean()
  sanctions_only?: boolean;

  /** At least this modality (hypothetical < alleged < assessed < asserted). */
  @ApiPropertyOptional({ enum: MODALITIES, description: 'hypothetical < alleged < assessed < asserted' })
  @IsOptional()
  @IsIn(MODALITIES)
  min_modality?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  min_outlets?: number;

  /** ISO 639-1 codes; the cluster was reported in at least one of them. */
  @ApiPropertyOptional({ type: [String], example: ['en', 'id'], description: 'ISO 639-1 codes' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  languages?: string[];

  /** Any of these words appears in an evidence sentence (case-insensitive). */
  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    description: 'Any of these words in an evidence sentence',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  keywords?: string[];
}

/** Escalations of a cluster already alerted that raise one more alert each. */
export class AlertRuleTriggersDto {
  /** Alert again when the cluster reaches this many outlets. */
  @ApiPropertyOptional({ minimum: 2, description: 'Alert again when the cluster reaches this many outlets' })
  @IsOptional()
  @IsInt()
  @Min(2)
  outlets_reach?: number;

  /** Alert again when the cluster's modality rises to `asserted`. */
  @ApiPropertyOptional({ description: 'Alert again when the modality rises to asserted' })
  @IsOptional()
  @IsBoolean()
  modality_asserted?: boolean;

  /** Alert again when the cluster's status moves to `completed`. */
  @ApiPropertyOptional({ description: 'Alert again when the status moves to completed' })
  @IsOptional()
  @IsBoolean()
  status_completed?: boolean;
}

/** Where alerts go: a signed webhook, or the SSE stream only. */
export class AlertChannelDto {
  @ApiProperty({ enum: ['webhook', 'sse'] })
  @IsIn(['webhook', 'sse'])
  type: 'webhook' | 'sse';

  @ApiPropertyOptional({
    format: 'uri',
    description: 'Required for a webhook',
    example: 'https://hooks.example/sitrep',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  url?: string;
}

export class CreateAlertRuleDto {
  @ApiProperty({ maxLength: 200, example: 'DPRK arms to Russia' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: () => AlertRuleFilterDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AlertRuleFilterDto)
  filter?: AlertRuleFilterDto;

  @ApiPropertyOptional({ type: () => AlertRuleTriggersDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AlertRuleTriggersDto)
  triggers?: AlertRuleTriggersDto;

  @ApiProperty({ type: () => AlertChannelDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AlertChannelDto)
  channel: AlertChannelDto;
}

/** PATCH /v1/alert-rules/:id: any field of a new rule; the ones given replace the rule's. */
export class UpdateAlertRuleDto extends PartialType(CreateAlertRuleDto) {}
