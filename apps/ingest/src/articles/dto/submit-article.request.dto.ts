import { IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { ARTICLE_LIMITS } from '../articles.limits';
import { FULL_ISO_DATE } from '../commands/submit-articles/prepare-article';

/** One article: JSON body of POST /v1/articles, element of a batch, or query/headers of a text body. */
export class SubmitArticleRequestDto {
  @IsUrl({
    protocols: ['http', 'https'],
    require_protocol: true,
    require_tld: false,
    allow_underscores: true,
  })
  @MaxLength(ARTICLE_LIMITS.urlMaxLength)
  url: string;

  /** HTML or plain text as fetched or pasted. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(ARTICLE_LIMITS.rawMaxLength)
  raw: string;

  @IsOptional()
  @IsString()
  @MaxLength(ARTICLE_LIMITS.titleMaxLength)
  title?: string;

  /** A full date or date-time with its offset, e.g. 2022-09-07T07:47:00+07:00 (a month alone is refused). */
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(FULL_ISO_DATE, {
    message:
      'published_at must be a full ISO 8601 date or date-time (YYYY-MM-DD, optionally THH:MM:SS and an offset)',
  })
  published_at?: string;

  /** ISO 639-1 code, e.g. "id". */
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code of two lower-case letters' })
  language?: string;

  /** Outlet name; defaults to the URL's host. */
  @IsOptional()
  @IsString()
  @MaxLength(ARTICLE_LIMITS.sourceMaxLength)
  source?: string;
}
