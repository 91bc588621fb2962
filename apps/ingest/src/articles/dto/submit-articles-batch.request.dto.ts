import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { SubmitArticleRequestDto } from './submit-article.request.dto';

/** Body of POST /v1/articles/batch; the size cap is checked before validation (413). */
export class SubmitArticlesBatchRequestDto {
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SubmitArticleRequestDto)
  articles: SubmitArticleRequestDto[];
}
