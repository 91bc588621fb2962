import { deadLetterTopicOf, Topic, TOPIC_SPECS, topicSpecsWithDeadLetters } from './topics';

describe(deadLetterTopicOf.name, () => {
  it('should put dlq before the version', () => {
    expect(deadLetterTopicOf(Topic.ClaimsExtracted)).toBe('intel.internal.claims.extracted.dlq.1');
  });

  it('should append dlq to a name without a version', () => {
    expect(deadLetterTopicOf('test.topic')).toBe('test.topic.dlq');
  });
});

describe(topicSpecsWithDeadLetters.name, () => {
  it('should list each topic once with its dead-letter topic', () => {
    const sut = topicSpecsWithDeadLetters(
      Topic.ArticlesIngested,
      Topic.ClaimsExtracted,
      Topic.ArticlesIngested,
    );

    expect(sut.map((spec) => spec.name)).toEqual([
      Topic.ArticlesIngested,
      Topic.ArticlesIngestedDlq,
      Topic.ClaimsExtracted,
      Topic.ClaimsExtractedDlq,
    ]);
  });
});

describe('TOPIC_SPECS', () => {
  it('should name every topic by the <domain>.<internal|external>.<entity>.<event>.<version> rule', () => {
    for (const spec of Object.values(TOPIC_SPECS)) {
      expect(spec.name).toMatch(/^[a-z]+\.(internal|external)\.[a-z-]+\.[a-z-]+(\.dlq)?\.\d+$/);
      expect(spec.partitions).toBeGreaterThan(0);
      expect(spec.retentionMs).toBeGreaterThan(0);
    }
  });
});
