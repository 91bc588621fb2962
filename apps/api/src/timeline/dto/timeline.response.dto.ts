import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_STATUSES, CLAIM_TYPES, MODALITIES } from '@sitrep/extraction';

export class SanctionsFlagDto {
  @ApiProperty({ example: 'un.dprk.1718.arms' }) measure_id: string;
  @ApiPropertyOptional({ example: 'un.dprk', nullable: true }) regime_id: string | null;
  @ApiPropertyOptional({ example: 'UN', nullable: true }) authority: string | null;
  @ApiPropertyOptional({ example: 'UNSCR 1718', nullable: true }) instrument: string | null;
  @ApiProperty({ type: [String] }) also_instruments: string[];
  @ApiProperty({ enum: ['prohibited', 'sanctionable', 'stated', 'imposition'] }) effect: string;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ nullable: true }) valid_from: string | null;
  @ApiPropertyOptional({ nullable: true }) valid_until: string | null;
  @ApiProperty({ type: [String], description: 'States that reject the measure' }) contested_by: string[];
  @ApiProperty({ enum: ['definite', 'possible'] }) certainty: string;
  @ApiProperty({ enum: ['event_date', 'reported_at', 'none'] }) date_basis: string;
}

export class SanctionsDto {
  @ApiProperty() relevant: boolean;
  @ApiProperty({ type: [String], example: ['UNSCR 1718', 'UNSCR 1874'] }) instruments: string[];
  @ApiProperty({ type: [SanctionsFlagDto] }) flags: SanctionsFlagDto[];
}

export class ActorDto {
  @ApiProperty({ example: 'PRK' }) id: string;
  @ApiProperty({ example: 'North Korea' }) name: string;
  @ApiProperty({ example: 'state' }) kind: string;
  @ApiPropertyOptional({ example: 'PRK', nullable: true }) country: string | null;
}

export class ActorMatchDto extends ActorDto {
  @ApiProperty({ description: 'The alias that matched', example: 'Korea Utara' }) alias: string;
}

export class ActorSearchResponseDto {
  @ApiProperty({ type: [ActorMatchDto] }) items: ActorMatchDto[];
}

export class TimelineItemDto {
  @ApiProperty({ description: 'Cluster id (deterministic)', example: 'cl-0123456789abcdef01234567' })
  id: string;
  @ApiProperty({ enum: CLAIM_TYPES }) type: string;
  @ApiPropertyOptional({ nullable: true, example: 'PRK' }) source: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'RUS' }) target: string | null;
  @ApiProperty({ description: 'The date the timeline sorts by (event start or first seen)' }) date: string;
  @ApiPropertyOptional({ nullable: true, example: '2022-08' }) event_date_from: string | null;
  @ApiPropertyOptional({ nullable: true }) event_date_to: string | null;
  @ApiProperty() first_seen: string;
  @ApiProperty() last_seen: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: string;
  @ApiProperty({ enum: [...MODALITIES], description: 'Strongest modality among non-denying claims' })
  modality: string;
  @ApiProperty({ description: 'Some claims deny the event' }) contradicted: boolean;
  @ApiProperty() claim_count: number;
  @ApiProperty() article_count: number;
  @ApiProperty() outlet_count: number;
  @ApiProperty() language_count: number;
  @ApiProperty({ description: 'Outlets after folding wire copies and shared agencies' })
  independent_source_count: number;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String] }) outlets: string[];
  @ApiProperty({ type: [String] }) claimants: string[];
  @ApiProperty({ type: [String] }) items: string[];
  @ApiProperty({ type: SanctionsDto }) sanctions: SanctionsDto;
  @ApiProperty({ type: [String], description: 'Evidence sentences of the claims' }) evidence: string[];
  @ApiProperty({ example: { self: '/v1/clusters/cl-…', claims: '/v1/claims?cluster_id=cl-…' } })
  links: Record<string, string>;
}

export class TimelinePageDto {
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
  @ApiProperty({ type: [TimelineItemDto] }) items: TimelineItemDto[];
  @ApiPropertyOptional({ nullable: true, description: 'Pass as `cursor` for the next page' }) next_cursor:
    string | null;
  @ApiProperty({ description: 'Events matching the filters' }) total: number;
  @ApiPropertyOptional({ nullable: true }) as_of: string | null;
}

export class ActivityBucketDto {
  @ApiProperty({ example: '2022-08' }) month: string;
  @ApiProperty() total: number;
  @ApiProperty({ example: { arms_transfer: 2 } }) types: Record<string, number>;
}

export class ActivityResponseDto {
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
  @ApiProperty({ type: [ActivityBucketDto] }) months: ActivityBucketDto[];
}

export class EvidenceDto {
  @ApiProperty() text: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
}

export class ArticleLinkDto {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true }) url: string | null;
  @ApiPropertyOptional({ nullable: true }) title: string | null;
  @ApiPropertyOptional({ nullable: true }) outlet: string | null;
  @ApiPropertyOptional({ nullable: true }) language: string | null;
  @ApiPropertyOptional({ nullable: true }) published_at: string | null;
  @ApiProperty() seen_at: string;
  @ApiProperty({ example: '/v1/claims?article_id=…' }) claims: string;
}

export class ClaimViewDto {
  @ApiProperty() id: string;
  @ApiProperty() cluster_id: string;
  @ApiProperty({ enum: CLAIM_TYPES }) type: string;
  @ApiPropertyOptional({ nullable: true }) source: string | null;
  @ApiPropertyOptional({ nullable: true }) target: string | null;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: string;
  @ApiProperty({ enum: [...MODALITIES] }) modality: string;
  @ApiPropertyOptional({ nullable: true }) claimant: string | null;
  @ApiProperty({ type: [String] }) reported_by: string[];
  @ApiProperty({ type: [String] }) items: string[];
  @ApiPropertyOptional({ nullable: true }) quantity: string | null;
  @ApiPropertyOptional({ nullable: true }) instrument: string | null;
  @ApiPropertyOptional({ nullable: true }) event_date: string | null;
  @ApiProperty({ type: EvidenceDto }) evidence: EvidenceDto;
  @ApiProperty() confidence: number;
  @ApiProperty() engine_version: string;
  @ApiPropertyOptional({ nullable: true }) superseded_at: string | null;
  @ApiProperty({ type: SanctionsDto }) sanctions: SanctionsDto;
  @ApiProperty({ type: ArticleLinkDto }) article: ArticleLinkDto;
}

export class ClaimsPageDto {
  @ApiProperty({ type: [ClaimViewDto] }) items: ClaimViewDto[];
  @ApiPropertyOptional({ nullable: true }) next_cursor: string | null;
  @ApiProperty() total: number;
}

export class ClusterDetailDto extends TimelineItemDto {
  @ApiProperty({ type: [ClaimViewDto], description: 'Its claims, oldest first, with evidence and article' })
  claims: ClaimViewDto[];
  @ApiProperty({ type: [String], description: 'Ids of the claims that deny the event' })
  contradiction_claim_ids: string[];
}
