import { DynamicModule, Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaConsumerRunner } from './kafka-consumer.runner';
import { fixKafkaJsIdleLoop } from './kafkajs-idle-loop.fix';
import { kafkaLogCreator } from './kafka-logger';
import { KafkaProducer } from './kafka-producer';
import { KafkaTopicAdmin } from './kafka-topic.admin';
import { KAFKA_CLIENT, KAFKA_OPTIONS } from './kafka.di-tokens';
import { KafkaHealthIndicator } from './kafka.health-indicator';
import { KafkaModuleOptions } from './kafka.options';

// Before any client of this process connects (see the file: a 1 ms timer loop per idle connection).
fixKafkaJsIdleLoop();

@Injectable()
class KafkaStartup implements OnModuleInit {
  constructor(
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaModuleOptions,
    private readonly topics: KafkaTopicAdmin,
    private readonly producer: KafkaProducer,
  ) {}

  // Before the app serves anything: its topics exist and the producer is connected.
  async onModuleInit(): Promise<void> {
    await this.topics.ensureTopics(this.options.topics ?? [], this.options.replicationFactor ?? 1);
    await this.producer.connect();
  }
}

/** Kafka through kafkajs: the client, topic creation at start, producer, consumer runner, health indicator. */
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        { provide: KAFKA_OPTIONS, useValue: options },
        {
          provide: KAFKA_CLIENT,
          useFactory: () =>
            new Kafka({
              clientId: options.clientId,
              brokers: options.brokers,
              connectionTimeout: options.connectionTimeoutMs ?? 3000,
              requestTimeout: options.requestTimeoutMs ?? 30_000,
              logLevel: logLevel.WARN,
              logCreator: kafkaLogCreator,
            }),
        },
        KafkaProducer,
        KafkaTopicAdmin,
        KafkaConsumerRunner,
        KafkaHealthIndicator,
        KafkaStartup,
      ],
      exports: [KAFKA_CLIENT, KafkaProducer, KafkaTopicAdmin, KafkaConsumerRunner, KafkaHealthIndicator],
    };
  }
}
