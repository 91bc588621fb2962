import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { healthResponse, ResponseWithStatus } from '@sitrep/domain/http';
import { DatabaseHealthIndicator } from '@sitrep/persistence';
import { ElasticsearchHealthIndicator } from '@sitrep/search';
import { Public } from '@sitrep/auth';

/** Liveness (the process answers) and readiness (each engine this app needs: postgres, elasticsearch). */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: DatabaseHealthIndicator,
    private readonly elasticsearch: ElasticsearchHealthIndicator,
  ) {}

  /** 200 when every dependency answers, 503 naming the ones that don't. */
  @Get()
  @HealthCheck()
  async readiness(@Res({ passthrough: true }) res: ResponseWithStatus): Promise<HealthCheckResult> {
    return healthResponse(
      res,
      this.health.check([
        () => this.postgres.isHealthy('postgres'),
        () => this.elasticsearch.isHealthy('elasticsearch'),
      ]),
    );
  }

  /** 200 as long as the process serves requests; restart it when this fails. */
  @Get('live')
  @ApiOkResponse({ description: 'The process is alive' })
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
