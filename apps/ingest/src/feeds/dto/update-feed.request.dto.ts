import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class UpdateFeedRequestDto {
  /** `paused` stops polling; `active` resumes it at once. */
  @IsOptional()
  @IsIn(['active', 'paused'])
  status?: 'active' | 'paused';

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  interval_seconds?: number;
}
