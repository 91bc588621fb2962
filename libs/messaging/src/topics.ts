/**
 * Every Kafka topic, named `<domain>.<internal|external>.<entity>.<event>.<version>`. A rename, a removed
 * field or a new meaning is a new topic (`.2`) that runs beside the old one until consumers move.
 */
export enum Topic {
  ArticlesIngested = 'intel.internal.articles.ingested.1',
  ArticlesIngestedDlq = 'intel.internal.articles.ingested.dlq.1',
  ClaimsExtracted = 'intel.internal.claims.extracted.1',
  ClaimsExtractedDlq = 'intel.internal.claims.extracted.dlq.1',
}

/** How a topic is created (auto-creation is off on the broker: apps create what they use at start). */
export interface TopicSpec {
  name: string;
  partitions: number;
  /** `retention.ms` of the topic. */
  retentionMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const TOPIC_SPECS: Record<Topic, TopicSpec> = {
  // Keyed by article id: 6 partitions let up to 6 extractor instances share the load.
  [Topic.ArticlesIngested]: { name: Topic.ArticlesIngested, partitions: 6, retentionMs: 7 * DAY_MS },
  [Topic.ClaimsExtracted]: { name: Topic.ClaimsExtracted, partitions: 6, retentionMs: 7 * DAY_MS },
  // Dead letters wait for a person: one partition, kept a month.
  [Topic.ArticlesIngestedDlq]: { name: Topic.ArticlesIngestedDlq, partitions: 1, retentionMs: 30 * DAY_MS },
  [Topic.ClaimsExtractedDlq]: { name: Topic.ClaimsExtractedDlq, partitions: 1, retentionMs: 30 * DAY_MS },
};

/** `intel.internal.articles.ingested.1` -> `intel.internal.articles.ingested.dlq.1`. */
export function deadLetterTopicOf(topic: string): string {
  const match = /^(.*)\.(\d+)$/.exec(topic);
  return match ? `${match[1]}.dlq.${match[2]}` : `${topic}.dlq`;
}

/** The specs of some topics and of their dead-letter topics. */
export function topicSpecsWithDeadLetters(...topics: Topic[]): TopicSpec[] {
  const names = new Set<string>();
  for (const topic of topics) {
    names.add(topic);
    names.add(deadLetterTopicOf(topic));
  }
  return [...names].map((name) => {
    const spec = TOPIC_SPECS[name as Topic];
    if (!spec) throw new Error(`No spec for topic ${name}`);
    return spec;
  });
}
