import { DynamicModule, Module } from '@nestjs/common';
import { AlertsRepository } from '@sitrep/persistence/alerts';
import { AlertRulesHttpController } from '../rules/alert-rules.http.controller';
import { ALERTS_OPTIONS } from './alerts.di-tokens';
import { AlertsOptions } from './alerts.options';
import { EvaluateArticleService } from './commands/evaluate-article/evaluate-article.service';
import { ClaimsExtractedConsumer } from './consumers/claims-extracted.consumer';
import { WebhookDeliveryWorker } from './delivery/webhook-delivery.worker';
import { AlertsHttpController } from './queries/alerts.http.controller';

/** Rules, evaluation of extracted claims, alerts, webhook delivery and the SSE stream. */
@Module({})
export class AlertsModule {
  static register(options: AlertsOptions): DynamicModule {
    return {
      module: AlertsModule,
      controllers: [AlertRulesHttpController, AlertsHttpController],
      providers: [
        { provide: ALERTS_OPTIONS, useValue: options },
        AlertsRepository,
        EvaluateArticleService,
        ClaimsExtractedConsumer,
        WebhookDeliveryWorker,
      ],
      exports: [ClaimsExtractedConsumer, WebhookDeliveryWorker, EvaluateArticleService],
    };
  }
}
