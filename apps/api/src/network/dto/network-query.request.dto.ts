import { ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_TYPES, ClaimType } from '@sitrep/extraction';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsIn, IsISO8601, IsOptional } from 'class-validator';

const listOf = ({ value }: { value: unknown }): unknown =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));

export class NetworkQueryRequestDto {
  @ApiPropertyOptional({ enum: CLAIM_TYPES, isArray: true, default: ['arms_transfer'] })
  @IsOptional()
  @Transform(listOf)
  @ArrayNotEmpty()
  @IsIn(CLAIM_TYPES, { each: true })
  types: ClaimType[] = ['arms_transfer'];

  @ApiPropertyOptional({ description: 'Events from this date (inclusive)', example: '2022-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Events up to this date (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
