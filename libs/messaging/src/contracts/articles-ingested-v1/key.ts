import { IsUUID } from 'class-validator';

/** One article, one partition: every message about an article stays in order. */
export class Key {
  @IsUUID()
  articleId: string;
}
