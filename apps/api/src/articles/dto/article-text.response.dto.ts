import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TextSpanDto {
  @ApiProperty() text: string;
  @ApiProperty({ description: 'Offset into `text` (-1 when the sentence is no longer in it)' }) start: number;
  @ApiProperty() end: number;
}

export class TextActorDto {
  @ApiProperty({ example: 'PRK' }) actor_id: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty({ example: 'Pyongyang' }) surface: string;
}

export class TextClaimDto {
  @ApiProperty() id: string;
  @ApiProperty() cluster_id: string;
  @ApiProperty() type: string;
  @ApiPropertyOptional({ nullable: true }) source: string | null;
  @ApiPropertyOptional({ nullable: true }) target: string | null;
  @ApiProperty() status: string;
  @ApiProperty() modality: string;
  @ApiPropertyOptional({ nullable: true }) claimant: string | null;
  @ApiProperty({ type: TextSpanDto }) evidence: TextSpanDto;
}

export class ArticleTextDto {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true }) url: string | null;
  @ApiPropertyOptional({ nullable: true }) title: string | null;
  @ApiPropertyOptional({ nullable: true }) outlet: string | null;
  @ApiPropertyOptional({ nullable: true }) language: string | null;
  @ApiPropertyOptional({ nullable: true }) published_at: string | null;
  @ApiProperty({ description: 'The cleaned text (plain text: render it as text, never as HTML)' })
  text: string;
  @ApiProperty({ description: 'The text was cut at 200,000 characters' }) truncated: boolean;
  @ApiProperty({ type: [TextActorDto] }) actors: TextActorDto[];
  @ApiProperty({ type: [TextClaimDto], description: 'Current claims (not those marked wrong)' })
  claims: TextClaimDto[];
}
