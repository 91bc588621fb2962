import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MarkedClaimDto {
  @ApiProperty() type: string;
  @ApiPropertyOptional({ nullable: true }) source: string | null;
  @ApiPropertyOptional({ nullable: true }) target: string | null;
  @ApiProperty() cluster_id: string;
  @ApiProperty() article_id: string;
  @ApiProperty() evidence: string;
}

export class ClaimMarkDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Order of the marks (bigint as a string)' }) seq: string;
  @ApiProperty() claim_id: string;
  @ApiProperty({ enum: ['wrong', 'confirmed'] }) verdict: 'wrong' | 'confirmed';
  @ApiPropertyOptional({ nullable: true }) reason: string | null;
  @ApiPropertyOptional({ nullable: true }) marked_by: string | null;
  @ApiProperty() marked_at: string;
  @ApiProperty({ description: 'The claim’s latest mark (the verdict in force)' }) current: boolean;
  @ApiPropertyOptional({ type: MarkedClaimDto, nullable: true }) claim: MarkedClaimDto | null;
}

export class ClaimMarksPageDto {
  @ApiProperty({ type: [ClaimMarkDto] }) items: ClaimMarkDto[];
  @ApiPropertyOptional({ nullable: true }) next_cursor: string | null;
}
