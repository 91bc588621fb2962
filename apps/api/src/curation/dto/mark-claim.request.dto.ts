import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Longest reason an analyst can give (characters); the table refuses longer ones too. */
export const REASON_MAX = 500;

export class MarkClaimRequestDto {
  @ApiProperty({ enum: ['wrong', 'confirmed'] })
  @IsIn(['wrong', 'confirmed'])
  verdict: 'wrong' | 'confirmed';

  @ApiPropertyOptional({ description: 'Why (required to mark a claim wrong)', maxLength: REASON_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON_MAX)
  reason?: string;
}

export class ListClaimMarksRequestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @ApiPropertyOptional({ description: 'The previous page’s `next_cursor`' })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'cursor must be a next_cursor of this list' })
  cursor?: string;
}
