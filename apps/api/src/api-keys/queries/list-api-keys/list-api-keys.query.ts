import { Query } from '@nestjs/cqrs';
import type { ApiKeysPageDto } from '../../dto/api-key.response.dto';

/** A page of keys, newest first; `afterId` is the last key of the previous page. */
export class ListApiKeysQuery extends Query<ApiKeysPageDto> {
  constructor(
    readonly limit: number,
    readonly afterId?: string,
  ) {
    super();
  }
}
