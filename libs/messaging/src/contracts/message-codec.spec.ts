import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { passesValidation, passesValidationAs } from '@sitrep/domain/validation';
import { ArticlesIngested, ClaimsExtracted } from '.';
import { decodeMessage, encodeMessage, MessageValidationError } from './message-codec';
import { metadataCausedBy, rootMetadata } from './message-metadata';

const articleId = randomUUID();
const validIngested = (): ArticlesIngested.Value => ({
  metadata: rootMetadata('request-1'),
  articleId,
  url: 'https://news.example.org/a',
  contentHash: 'a'.repeat(64),
  title: 'A title',
  language: 'en',
  publishedAt: '2024-03-01T08:30:00Z',
  source: 'paste',
  receivedAt: '2024-03-01T09:00:00.000Z',
});

const validExtracted = (): ClaimsExtracted.Value => ({
  metadata: metadataCausedBy(validIngested().metadata),
  articleId,
  engineVersion: '1.0.0',
  language: 'en',
  actors: [{ id: 'PRK', mentions: 3 }],
  claims: [
    {
      type: 'arms_transfer',
      source: 'PRK',
      target: 'RUS',
      status: 'completed',
      modality: 'assessed',
      claimant: 'usa.dod',
      reported_by: ['AFP'],
      items: ['artillery_shell'],
      quantity: 'millions',
      instrument: null,
      event_date: '2023-09',
      evidence: { text: 'A sentence.', start: 0, end: 11 },
      confidence: 0.7,
    },
  ],
});

const raw = (key: unknown, value: unknown) => ({
  key: Buffer.from(JSON.stringify(key)),
  value: Buffer.from(JSON.stringify(value)),
});

const reasonOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof MessageValidationError) return error.reason;
    throw error;
  }
  throw new Error('no validation error');
};

describe(decodeMessage.name, () => {
  describe('articles.ingested', () => {
    it('should give class instances for a valid message', () => {
      const sut = decodeMessage(ArticlesIngested, raw({ articleId }, validIngested()));

      expect(sut.key).toBeInstanceOf(ArticlesIngested.Key);
      expect(sut.value).toBeInstanceOf(ArticlesIngested.Value);
      expect(sut.value.metadata.correlationId).toBe('request-1');
    });

    it('should drop fields the contract does not know, so producers can add optional ones', () => {
      const sut = decodeMessage(ArticlesIngested, raw({ articleId }, { ...validIngested(), addedLater: 1 }));

      expect(sut.value).not.toHaveProperty('addedLater');
    });

    it('should name every broken field of key and value', () => {
      const reason = reasonOf(() =>
        decodeMessage(
          ArticlesIngested,
          raw({ articleId: 'x' }, { ...validIngested(), contentHash: 'ABC', metadata: { id: 'nope' } }),
        ),
      );

      expect(reason).toContain('key.articleId');
      expect(reason).toContain('value.contentHash');
      expect(reason).toContain('value.metadata.id');
      expect(reason).toContain('value.metadata.correlationId');
    });

    it('should refuse a value without metadata', () => {
      const { metadata: _metadata, ...withoutMetadata } = validIngested();

      expect(reasonOf(() => decodeMessage(ArticlesIngested, raw({ articleId }, withoutMetadata)))).toContain(
        'value.metadata',
      );
    });

    it('should refuse bytes that are not JSON or not an object', () => {
      expect(
        reasonOf(() => decodeMessage(ArticlesIngested, { key: null, value: Buffer.from('{}') })),
      ).toContain('key: missing');
      expect(reasonOf(() => decodeMessage(ArticlesIngested, { key: '{"articleId"', value: '[]' }))).toBe(
        'key: not valid JSON; value: must be a JSON object',
      );
    });
  });

  describe('claims.extracted', () => {
    it('should accept claims with the contract field names', () => {
      const sut = decodeMessage(ClaimsExtracted, raw({ articleId }, validExtracted()));

      expect(sut.value.claims[0]).toBeInstanceOf(ClaimsExtracted.ClaimDto);
      expect(sut.value.claims[0].reported_by).toEqual(['AFP']);
    });

    it('should refuse a claim type, modality or confidence outside the contract', () => {
      const value = validExtracted();
      value.claims[0] = {
        ...value.claims[0],
        type: 'espionage' as never,
        modality: 'rumoured' as never,
        confidence: 2,
      };

      const reason = reasonOf(() => decodeMessage(ClaimsExtracted, raw({ articleId }, value)));

      expect(reason).toContain('value.claims.0.type');
      expect(reason).toContain('value.claims.0.modality');
      expect(reason).toContain('value.claims.0.confidence');
    });

    it('should refuse a claim without evidence', () => {
      const value = validExtracted();
      const { evidence: _evidence, ...withoutEvidence } = value.claims[0];
      value.claims[0] = withoutEvidence as ClaimsExtracted.ClaimDto;

      expect(reasonOf(() => decodeMessage(ClaimsExtracted, raw({ articleId }, value)))).toContain(
        'value.claims.0.evidence',
      );
    });

    it('should decode only the notice fields for consumers of the notice, not the claims', () => {
      const value = validExtracted();
      value.claims[0].event_date = 'last August';

      const sut = decodeMessage(ClaimsExtracted.Notice, raw({ articleId }, value));

      expect(sut.value).toBeInstanceOf(ClaimsExtracted.Notice.Value);
      expect(sut.value.articleId).toBe(articleId);
      expect(sut.value.metadata.id).toBe(value.metadata.id);
      expect(Object.keys(sut.value).sort()).toEqual(['articleId', 'engineVersion', 'metadata']);
    });

    it('should still refuse a notice without a valid article id', () => {
      const value = { ...validExtracted(), articleId: 'not-a-uuid' };

      expect(reasonOf(() => decodeMessage(ClaimsExtracted.Notice, raw({ articleId }, value)))).toContain(
        'value.articleId',
      );
    });

    it('should refuse an event date that is not a year, month or day', () => {
      const value = validExtracted();
      value.claims[0].event_date = 'last August';

      expect(reasonOf(() => decodeMessage(ClaimsExtracted, raw({ articleId }, value)))).toContain(
        'value.claims.0.event_date',
      );
    });
  });
});

describe(encodeMessage.name, () => {
  it('should serialise a valid message and copy its metadata into headers', () => {
    const value = validIngested();

    const sut = encodeMessage(ArticlesIngested, { key: { articleId }, value, headers: { 'x-extra': '1' } });

    expect(JSON.parse(sut.key)).toEqual({ articleId });
    expect(JSON.parse(sut.value)).toEqual(value);
    expect(sut.headers).toEqual({
      'x-extra': '1',
      'content-type': 'application/json',
      'message-id': value.metadata.id,
      'correlation-id': 'request-1',
      'causation-id': 'request-1',
    });
  });

  it('should check valid messages of every contract without class-validator (its cost per message)', () => {
    const ingested = plainToInstance(ArticlesIngested.Value, JSON.parse(JSON.stringify(validIngested())));
    const extracted = plainToInstance(ClaimsExtracted.Value, JSON.parse(JSON.stringify(validExtracted())));

    expect(passesValidation(plainToInstance(ArticlesIngested.Key, { articleId }))).toBe(true);
    expect(passesValidation(ingested)).toBe(true);
    expect(passesValidation(extracted)).toBe(true);
  });

  it('should check valid messages of every contract on their JSON, without building instances', () => {
    const json = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

    expect(passesValidationAs(ArticlesIngested.Key, { articleId })).toBe(true);
    expect(passesValidationAs(ArticlesIngested.Value, json(validIngested()))).toBe(true);
    expect(passesValidationAs(ClaimsExtracted.Value, json(validExtracted()))).toBe(true);
    expect(passesValidationAs(ClaimsExtracted.Key, { articleId })).toBe(true);
  });

  it('should refuse on the JSON path what class-validator refuses', () => {
    const broken = { ...validExtracted(), claims: [{ ...validExtracted().claims[0], confidence: 2 }] };

    expect(passesValidationAs(ClaimsExtracted.Value, JSON.parse(JSON.stringify(broken)))).toBe(false);
    expect(() => encodeMessage(ClaimsExtracted, { key: { articleId }, value: broken })).toThrow(
      /value\.claims\.0\.confidence/,
    );
  });

  it('should not send a field the contract does not know', () => {
    const known = validIngested();
    // A producer built against a later version of the contract may carry a field this one lacks.
    const value = Object.assign({ unknownField: 'x' }, known);

    const sut = encodeMessage(ArticlesIngested, { key: { articleId }, value });

    expect(JSON.parse(sut.value)).toEqual(known);
  });

  it('should refuse to serialise a message that breaks its contract', () => {
    expect(() =>
      encodeMessage(ArticlesIngested, {
        key: { articleId },
        value: { ...validIngested(), receivedAt: 'yesterday' },
      }),
    ).toThrow(/value\.receivedAt/);
  });
});

describe(metadataCausedBy.name, () => {
  it('should keep the correlation id and point the causation id at the cause', () => {
    const cause = rootMetadata();

    const sut = metadataCausedBy(cause);

    expect(sut).toMatchObject({ correlationId: cause.correlationId, causationId: cause.id });
    expect(sut.id).not.toBe(cause.id);
  });
});
