import { parseTrace, StageTrace, stageDurations, TRACE_HEADER, withStages } from '@sitrep/messaging';
import { testKafkaBrokers } from '@sitrep/testing';
import { Consumer, Kafka, logLevel } from 'kafkajs';

/**
 * Benchmarks' view of where the latency goes: reads `claims.extracted` with a group of its own (beside
 * the indexer and alerts, changing nothing) and keeps, per article, the stage trace the message carries
 * (ingest, relay, extractor: libs/messaging stage-trace) plus the time the relay published it.
 */
export class StageTraceObserver {
  private readonly traces = new Map<string, StageTrace>();
  private consumer?: Consumer;

  constructor(
    private readonly topic: string,
    private readonly groupId: string,
  ) {}

  async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: this.groupId,
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const articleId = (JSON.parse(message.value?.toString() ?? '{}') as { articleId?: string }).articleId;
        if (!articleId || this.traces.has(articleId)) return;
        const trace = parseTrace(message.headers?.[TRACE_HEADER]?.toString());
        this.traces.set(articleId, withStages(trace, ['claims.published', Number(message.timestamp)]));
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  trace(articleId: string): StageTrace | undefined {
    return this.traces.get(articleId);
  }

  /**
   * Percentiles of each stage-to-stage time over the given articles, then on to the stages the bench
   * saw after the message (e.g. searchable), as printable lines.
   */
  breakdown(articles: Array<{ id: string; after?: Array<readonly [string, number]> }>): string[] {
    const byStage = new Map<string, number[]>();
    let traced = 0;
    for (const { id, after } of articles) {
      const trace = this.traces.get(id);
      if (!trace) continue;
      traced += 1;
      for (const [stage, ms] of stageDurations(withStages(trace, ...(after ?? []))))
        byStage.set(stage, [...(byStage.get(stage) ?? []), ms]);
    }
    const width = Math.max(0, ...[...byStage.keys()].map((stage) => stage.length));
    return [
      `per stage (ms, ${traced} of ${articles.length} traced):`,
      ...[...byStage].map(
        ([stage, values]) =>
          `  ${stage.padEnd(width)}  p50 ${pct(values, 50)}  p95 ${pct(values, 95)}  p99 ${pct(values, 99)}  max ${pct(values, 100)}`,
      ),
    ];
  }
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

const pct = (values: number[], p: number): string => percentile(values, p).toFixed(0).padStart(6);
