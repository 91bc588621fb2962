import { IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';

export class RegisterFeedRequestDto {
  /** RSS 2.0, Atom or JSON Feed address. */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2048)
  url: string;

  /** Seconds between polls; the minimum is a setting (FEEDS_MIN_INTERVAL_SECONDS). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  interval_seconds?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;
}
