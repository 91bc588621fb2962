import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_TYPES } from '@sitrep/extraction';
import { ActorDto } from '../../timeline/dto/timeline.response.dto';

export class ReportTotalsDto {
  @ApiProperty({ example: 12 }) claims: number;
  @ApiProperty({ description: 'Events (claim clusters)', example: 5 }) clusters: number;
  @ApiProperty({ example: 9 }) articles: number;
}

export class CounterpartDto {
  @ApiProperty({ description: 'The other party (country-folded for agencies and officials)', example: 'RUS' })
  actor: string;
  @ApiPropertyOptional({ nullable: true, example: 'Russia' }) name: string | null;
  @ApiProperty({ example: 3 }) claims: number;
  @ApiProperty({ example: 1 }) clusters: number;
  @ApiProperty({ example: 3 }) articles: number;
}

export class CounterpartGroupDto {
  @ApiProperty({ enum: CLAIM_TYPES, example: 'arms_transfer' }) type: string;
  @ApiProperty({
    enum: ['source', 'target'],
    description: 'The actor as source (supplier, sender, imposer...) or target',
  })
  role: string;
  @ApiProperty({ type: [CounterpartDto], description: 'Most clusters first (up to 20)' })
  counterparts: CounterpartDto[];
}

export class MonthSummaryDto {
  @ApiProperty({ description: 'Event month (YYYY-MM) of the clusters', example: '2022-08' }) month: string;
  @ApiProperty({ enum: CLAIM_TYPES }) type: string;
  @ApiProperty() clusters: number;
  @ApiProperty() claims: number;
  @ApiProperty() articles: number;
}

export class SanctionsClusterDto {
  @ApiProperty({ example: 'cl-0123456789abcdef01234567' }) id: string;
  @ApiProperty({ enum: CLAIM_TYPES }) type: string;
  @ApiPropertyOptional({ nullable: true, example: 'PRK' }) source: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'RUS' }) target: string | null;
  @ApiProperty({ example: '2023-09' }) period: string;
  @ApiProperty({ type: [String], example: ['UNSCR 1718', 'UNSCR 1874'] }) instruments: string[];
  @ApiProperty() claim_count: number;
  @ApiProperty() article_count: number;
  @ApiProperty() first_seen: string;
  @ApiProperty() last_seen: string;
  @ApiProperty({ example: '/v1/clusters/cl-0123456789abcdef01234567' }) link: string;
}

export class InstrumentCountDto {
  @ApiProperty({ example: 'UNSCR 1718' }) instrument: string;
  @ApiProperty({ description: 'Sanctions-relevant clusters citing it' }) clusters: number;
}

export class SanctionsSummaryDto {
  @ApiProperty({ description: 'Sanctions-relevant clusters of the actor' }) total: number;
  @ApiProperty({ type: [InstrumentCountDto] }) instruments: InstrumentCountDto[];
  @ApiProperty({ type: [SanctionsClusterDto], description: 'Newest event month first (up to 100)' })
  clusters: SanctionsClusterDto[];
}

export class CountDto {
  @ApiProperty({ example: 'rmol.id' }) key: string;
  @ApiProperty() claims: number;
  @ApiProperty() articles: number;
}

export class ActorDossierDto {
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
  @ApiPropertyOptional({ nullable: true, description: 'When the first article naming it was accepted' })
  first_seen: string | null;
  @ApiPropertyOptional({ nullable: true }) last_seen: string | null;
  @ApiProperty({ type: ReportTotalsDto }) totals: ReportTotalsDto;
  @ApiProperty({ type: [CounterpartGroupDto] }) counterparts: CounterpartGroupDto[];
  @ApiProperty({ type: [MonthSummaryDto], description: 'Timeline summary by event month and type' })
  months: MonthSummaryDto[];
  @ApiProperty({ type: SanctionsSummaryDto }) sanctions: SanctionsSummaryDto;
  @ApiProperty({ type: [CountDto], description: 'Who makes the claims (top 10)' }) claimants: CountDto[];
  @ApiProperty({ type: [CountDto], description: 'Outlets (top 10)' }) outlets: CountDto[];
  @ApiProperty({ type: [CountDto], description: 'Article languages' }) languages: CountDto[];
}

export class MatrixItemDto {
  @ApiProperty({ example: 'drone' }) item: string;
  @ApiProperty() claims: number;
}

export class MatrixCellDto {
  @ApiProperty({ description: 'Supplier for arms transfers', example: 'IRN' }) source: string;
  @ApiProperty({ description: 'Recipient for arms transfers', example: 'RUS' }) target: string;
  @ApiProperty() clusters: number;
  @ApiProperty() articles: number;
  @ApiProperty() claims: number;
  @ApiProperty({ type: [MatrixItemDto], description: 'Most named items (up to 5)' }) items: MatrixItemDto[];
}

export class MatrixDto {
  @ApiProperty({ enum: CLAIM_TYPES }) type: string;
  @ApiPropertyOptional({ nullable: true, example: '2022-01' }) from_month: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2023-12' }) to_month: string | null;
  @ApiProperty({ type: [String], description: 'Row actors (sources), most clusters first' })
  sources: string[];
  @ApiProperty({ type: [String], description: 'Column actors (targets)' }) targets: string[];
  @ApiProperty({ type: [MatrixCellDto], description: 'Non-empty cells, most clusters first' })
  cells: MatrixCellDto[];
}

export class TrendTypeCountDto {
  @ApiProperty({ enum: CLAIM_TYPES }) type: string;
  @ApiProperty() claims: number;
  @ApiProperty() clusters: number;
  @ApiProperty() articles: number;
}

export class TrendBucketDto {
  @ApiProperty({ description: 'Start of the UTC week (Monday) or month', example: '2022-08-01' })
  start: string;
  @ApiProperty() claims: number;
  @ApiProperty({ description: 'Clusters with a claim reported in the bucket' }) clusters: number;
  @ApiProperty() articles: number;
  @ApiProperty({ type: [TrendTypeCountDto] }) types: TrendTypeCountDto[];
}

export class TrendsDto {
  @ApiProperty({ enum: ['week', 'month'] }) interval: string;
  @ApiPropertyOptional({ nullable: true, example: 'PRK' }) actor: string | null;
  @ApiProperty({ type: [String], enum: CLAIM_TYPES, description: 'Types counted (all when empty)' })
  types: string[];
  @ApiProperty({
    type: [TrendBucketDto],
    description: 'Every bucket from the first to the last with a claim, empty ones included',
  })
  buckets: TrendBucketDto[];
}
