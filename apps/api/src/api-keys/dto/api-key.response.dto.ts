import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_SCOPES } from '@sitrep/auth';
import { ApiKeyRecord } from '@sitrep/persistence';

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid', example: '0f9d7d1e-5a51-4c57-9f5e-2d1c2b3a4f5e' })
  id: string;

  @ApiProperty({ example: 'nightly report job' })
  name: string;

  @ApiProperty({ description: 'The first characters of the key, to recognise it', example: 'sitrep_Xk3f9Q' })
  key_prefix: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['read'] })
  scopes: string[];

  @ApiProperty({ type: Number, nullable: true, description: "null: the apps' default", example: 600 })
  rate_limit_per_minute: number | null;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revoked_at: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Precise to the key cache time (AUTH_KEY_CACHE_TTL_MS)',
  })
  last_used_at: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    description: 'The key itself, shown this once: only its SHA-256 is stored',
    example: 'sitrep_Xk3f9Q0m2bW8yJ1nV5cR7tL4pH6sD9aE0gU3iO8qZ2x',
  })
  key: string;
}

export class ApiKeysPageDto {
  @ApiProperty({ type: [ApiKeyDto] })
  items: ApiKeyDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  next_cursor: string | null;
}

export const apiKeyViewOf = (key: ApiKeyRecord): ApiKeyDto => ({
  id: key.id,
  name: key.name,
  key_prefix: key.keyPrefix,
  scopes: key.scopes,
  rate_limit_per_minute: key.rateLimitPerMinute,
  created_at: key.createdAt.toISOString(),
  revoked_at: key.revokedAt?.toISOString() ?? null,
  last_used_at: key.lastUsedAt?.toISOString() ?? null,
});
