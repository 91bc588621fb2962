import { RequireScopes } from '@sitrep/auth';
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ArticleTextDto } from './dto/article-text.response.dto';
import { GetArticleTextQuery } from './queries/get-article-text/get-article-text.query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('articles')
@RequireScopes('read')
@Controller('v1/articles')
export class ArticlesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/text')
  @ApiOperation({ summary: 'An article as cleaned text, with actor mentions and claim evidence offsets' })
  @ApiParam({ name: 'id', description: 'Article id (uuid)' })
  @ApiOkResponse({ type: ArticleTextDto })
  @ApiNotFoundResponse({ description: 'Problem details (application/problem+json)' })
  async text(@Param('id') id: string): Promise<ArticleTextDto> {
    const article = UUID.test(id) ? await this.queries.execute(new GetArticleTextQuery(id)) : null;
    if (!article) throw new NotFoundException(`Unknown article ${id}`);
    return article;
  }
}
