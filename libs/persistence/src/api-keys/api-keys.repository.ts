import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { ApiKeyOrmEntity } from './api-key.orm-entity';

/** An API key as stored: never the key itself. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: string[];
  rateLimitPerMinute: number | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface NewApiKeyRecord {
  id: string;
  name: string;
  keyPrefix: string;
  keyHash: string;
  scopes: string[];
  rateLimitPerMinute: number | null;
}

const toRecord = (row: ApiKeyOrmEntity): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  keyPrefix: row.keyPrefix,
  scopes: row.scopes,
  rateLimitPerMinute: row.rateLimitPerMinute,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
  lastUsedAt: row.lastUsedAt,
});

/** Storage of API keys (PostgreSQL `api_keys`). */
@Injectable()
export class ApiKeysRepository {
  private readonly rows: Repository<ApiKeyOrmEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(ApiKeyOrmEntity);
  }

  async insert(key: NewApiKeyRecord): Promise<ApiKeyRecord> {
    await this.rows.insert(key);
    return toRecord(await this.rows.findOneByOrFail({ id: key.id }));
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? toRecord(row) : null;
  }

  /**
   * The unrevoked key with this hash, marking it used. Called on a cache miss only, so `last_used_at`
   * is as precise as the guard's cache (AUTH_KEY_CACHE_TTL_MS).
   */
  async findActiveByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH used AS (UPDATE api_keys SET last_used_at = now()
         WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM used`,
      [keyHash],
    );
    return rows[0] ? this.findById(rows[0].id) : null;
  }

  /**
   * Keys newest first (created_at, then id, both descending: a stable order), `limit` of them after
   * the key `afterId` (the cursor). Revoked keys are listed too, with their revocation time.
   */
  async list(limit: number, afterId?: string): Promise<ApiKeyRecord[]> {
    const query = this.rows
      .createQueryBuilder('k')
      .orderBy('k.created_at', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .limit(limit);
    if (afterId)
      query.where('(k.created_at, k.id) < (SELECT created_at, id FROM api_keys WHERE id = :afterId)', {
        afterId,
      });
    return (await query.getMany()).map(toRecord);
  }

  /** Revokes a key (idempotent: a revoked key keeps its first revocation time); null if unknown. */
  async revoke(id: string): Promise<ApiKeyRecord | null> {
    await this.rows
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    return this.findById(id);
  }

  async hasActiveKeyWithScope(scope: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM api_keys WHERE revoked_at IS NULL AND $1 = ANY (scopes) LIMIT 1`,
      [scope],
    );
    return rows.length > 0;
  }
}
