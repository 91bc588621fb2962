import { ApiKeyRecord, ApiKeysRepository } from '@sitrep/persistence';
import { randomUUID } from 'node:crypto';
import { ApiKeyScope } from './api-key.scopes';
import { generateApiKey } from './api-key.token';

export interface ApiKeyRequest {
  name: string;
  scopes: ApiKeyScope[];
  /** Requests per minute; null: the apps' AUTH_RATE_LIMIT_PER_MINUTE. */
  rateLimitPerMinute: number | null;
}

export interface IssuedApiKey {
  record: ApiKeyRecord;
  /** The key itself, to show once: only its hash is stored. */
  key: string;
}

/** Creates a key (admin endpoint and CLI alike): stores its hash and prefix, returns the key once. */
export async function issueApiKey(keys: ApiKeysRepository, request: ApiKeyRequest): Promise<IssuedApiKey> {
  const generated = generateApiKey();
  const record = await keys.insert({
    id: randomUUID(),
    name: request.name,
    keyPrefix: generated.prefix,
    keyHash: generated.hash,
    scopes: [...new Set(request.scopes)],
    rateLimitPerMinute: request.rateLimitPerMinute,
  });
  return { record, key: generated.key };
}
