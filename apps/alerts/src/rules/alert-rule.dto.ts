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
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  actors_any?: string[];

  /** The cluster involves every one of these actors. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  actors_all?: string[];

  /** The other party: the cluster involves it too. */
  @IsOptional()
  @IsString()
  counterpart?: string;

  @IsOptional()
  @IsArray()
  @IsIn(CLAIM_TYPES, { each: true })
  claim_types?: string[];

  @IsOptional()
  @IsBoolean()
  sanctions_only?: boolean;

  /** At least this modality (hypothetical < alleged < assessed < asserted). */
  @IsOptional()
  @IsIn(MODALITIES)
  min_modality?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  min_outlets?: number;

  /** ISO 639-1 codes; the cluster was reported in at least one of them. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  languages?: string[];

  /** Any of these words appears in an evidence sentence (case-insensitive). */
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
  @IsOptional()
  @IsInt()
  @Min(2)
  outlets_reach?: number;

  /** Alert again when the cluster's modality rises to `asserted`. */
  @IsOptional()
  @IsBoolean()
  modality_asserted?: boolean;

  /** Alert again when the cluster's status moves to `completed`. */
  @IsOptional()
  @IsBoolean()
  status_completed?: boolean;
}

/** Where alerts go: a signed webhook, or the SSE stream only. */
export class AlertChannelDto {
  @IsIn(['webhook', 'sse'])
  type: 'webhook' | 'sse';

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  url?: string;
}

export class CreateAlertRuleDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AlertRuleFilterDto)
  filter?: AlertRuleFilterDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AlertRuleTriggersDto)
  triggers?: AlertRuleTriggersDto;

  @IsObject()
  @ValidateNested()
  @Type(() => AlertChannelDto)
  channel: AlertChannelDto;
}

export class UpdateAlertRuleDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AlertRuleFilterDto)
  filter?: AlertRuleFilterDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AlertRuleTriggersDto)
  triggers?: AlertRuleTriggersDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AlertChannelDto)
  channel?: AlertChannelDto;
}
