import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { passesValidation } from '@sitrep/domain/validation';
import { RegisterFeedRequestDto } from '../feeds/dto/register-feed.request.dto';
import { UpdateFeedRequestDto } from '../feeds/dto/update-feed.request.dto';
import { SubmitArticleRequestDto } from './dto/submit-article.request.dto';
import { SubmitArticlesBatchRequestDto } from './dto/submit-articles-batch.request.dto';
import { validateDto } from './validate-dto';

const article = (over: Record<string, unknown> = {}) => ({
  url: 'https://example.com/a?utm_source=x',
  raw: '<p>Text.</p>',
  title: 'Title',
  published_at: '2026-11-24T07:30:00+07:00',
  language: 'id',
  source: 'Warta',
  ...over,
});

const messagesOf = async (promise: Promise<unknown>): Promise<string[]> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BadRequestException);
  return ((error as BadRequestException).getResponse() as { message: string[] }).message;
};

describe(validateDto.name, () => {
  describe('validateDto', () => {
    it('should check valid bodies of every intake DTO without class-validator (its cost per article)', () => {
      expect(passesValidation(plainToInstance(SubmitArticleRequestDto, article()))).toBe(true);
      expect(
        passesValidation(
          plainToInstance(SubmitArticlesBatchRequestDto, {
            articles: [article(), { url: 'http://b.example/x', raw: 'x' }],
          }),
        ),
      ).toBe(true);
      expect(
        passesValidation(plainToInstance(RegisterFeedRequestDto, { url: 'https://a.example/rss' })),
      ).toBe(true);
      expect(passesValidation(plainToInstance(UpdateFeedRequestDto, { status: 'paused' }))).toBe(true);
    });

    it('should give instances of the DTO for a valid body', async () => {
      const sut = await validateDto(SubmitArticlesBatchRequestDto, { articles: [article()] });

      expect(sut.articles[0]).toBeInstanceOf(SubmitArticleRequestDto);
      expect(sut.articles[0]).toEqual(article());
    });

    it('should name each invalid or unknown field of a batch', async () => {
      const messages = await messagesOf(
        validateDto(SubmitArticlesBatchRequestDto, {
          articles: [
            article(),
            article({ url: 'ftp://example.com/a', extra: 1 }),
            article({ published_at: '2024-04' }),
          ],
        }),
      );

      expect(messages).toEqual(
        expect.arrayContaining([
          'articles.1.url must be a URL address',
          'articles.1.extra: property extra should not exist',
          expect.stringMatching(/^articles\.2\.published_at must be a full ISO 8601 date/),
        ]),
      );
    });
  });
});
