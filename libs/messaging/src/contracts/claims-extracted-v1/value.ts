import {
  ActorKind,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  ClaimStatus,
  ClaimType,
  MODALITIES,
  Modality,
} from '@sitrep/extraction/model';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MessageEnvelope } from '../message-metadata';

// Typed against the engine's union so a kind it drops stops compiling here.
const ACTOR_KINDS: readonly ActorKind[] = ['state', 'body', 'agency', 'company', 'person', 'group', 'entity'];

export class EvidenceDto {
  @IsString()
  text: string;

  @IsInt()
  @Min(0)
  start: number;

  @IsInt()
  @Min(0)
  end: number;
}

/** A claim with the field names of shared/contract/extraction.md. */
export class ClaimDto {
  /** Id the extractor gave the claim when it stored it. */
  @IsOptional()
  @IsUUID()
  id?: string;

  @IsIn(CLAIM_TYPES)
  type: ClaimType;

  @IsOptional()
  @IsString()
  source: string | null;

  @IsOptional()
  @IsString()
  target: string | null;

  @IsIn(CLAIM_STATUSES)
  status: ClaimStatus;

  @IsIn(MODALITIES)
  modality: Modality;

  @IsOptional()
  @IsString()
  claimant: string | null;

  @IsArray()
  @IsString({ each: true })
  reported_by: string[];

  @IsArray()
  @IsString({ each: true })
  items: string[];

  @IsOptional()
  @IsString()
  quantity: string | null;

  @IsOptional()
  @IsString()
  instrument: string | null;

  /** ISO date or month: 2022-08-30, 2022-08. */
  @IsOptional()
  @Matches(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: '$property must be YYYY, YYYY-MM or YYYY-MM-DD' })
  event_date: string | null;

  @IsObject()
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence: EvidenceDto;

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence: number;
}

export class ArticleActorDto {
  @IsString()
  @IsNotEmpty()
  id: string;

  @IsInt()
  @Min(0)
  mentions: number;

  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsIn(ACTOR_KINDS)
  kind?: ActorKind;

  @IsOptional()
  @IsString()
  country?: string;
}

/** The extraction engine ran on an article: its actors and claims. */
export class Value extends MessageEnvelope {
  @IsUUID()
  articleId: string;

  @IsString()
  @IsNotEmpty()
  engineVersion: string;

  /** ISO 639-1 code, `und` when unknown. */
  @IsString()
  language: string;

  @IsOptional()
  @IsISO8601()
  publishedAt?: string | null;

  @IsOptional()
  @IsString()
  title?: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ArticleActorDto)
  actors: ArticleActorDto[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ClaimDto)
  claims: ClaimDto[];
}
