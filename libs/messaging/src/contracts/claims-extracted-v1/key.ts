import { IsUUID } from 'class-validator';

/** Keyed by article, like the message that caused it, so an article's results stay in order. */
export class Key {
  @IsUUID()
  articleId: string;
}
