import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApiKeysRepository } from '@sitrep/persistence';
import { apiKeyViewOf, ApiKeysPageDto } from '../../dto/api-key.response.dto';
import { encodeApiKeyCursor } from '../../api-keys.cursor';
import { ListApiKeysQuery } from './list-api-keys.query';

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(private readonly keys: ApiKeysRepository) {}

  async execute({ limit, afterId }: ListApiKeysQuery): Promise<ApiKeysPageDto> {
    // One more than asked tells whether there is a next page.
    const rows = await this.keys.list(limit + 1, afterId);
    const page = rows.slice(0, limit);
    return {
      items: page.map(apiKeyViewOf),
      next_cursor: rows.length > limit ? encodeApiKeyCursor(page[page.length - 1].id) : null,
    };
  }
}
