import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_SCOPES, ApiKeyScope } from '@sitrep/auth';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

export const API_KEYS_PAGE_MAX = 200;

export class CreateApiKeyRequestDto {
  @ApiProperty({ description: 'Who or what uses the key', example: 'nightly report job', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({
    description:
      '`read`: the read API; `ingest`: submit articles, manage feeds; `alerts`: alert rules, alerts and the stream; `admin`: manage keys, and every other scope',
    enum: API_KEY_SCOPES,
    isArray: true,
    example: ['read', 'ingest'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes: ApiKeyScope[];

  @ApiPropertyOptional({
    description: "Requests per minute (per app); omitted: the apps' AUTH_RATE_LIMIT_PER_MINUTE",
    minimum: 1,
    maximum: 1_000_000,
    example: 600,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  rate_limit_per_minute?: number;
}

export class ListApiKeysRequestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: API_KEYS_PAGE_MAX, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(API_KEYS_PAGE_MAX)
  limit = 50;

  @ApiPropertyOptional({ description: '`next_cursor` of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'cursor is not a cursor this API returned' })
  cursor?: string;
}
