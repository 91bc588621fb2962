import { ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult } from '@nestjs/terminus';

/** The bit of the framework's response object this needs (Express and Fastify both have it). */
export interface ResponseWithStatus {
  status(code: number): unknown;
}

/**
 * Answers a readiness check with Terminus' own body (`status`, `info`, `error`, `details`) both when
 * healthy (200) and when not (503), instead of the problem+json the global filter would write.
 */
export async function healthResponse(
  res: ResponseWithStatus,
  check: Promise<HealthCheckResult>,
): Promise<HealthCheckResult> {
  try {
    return await check;
  } catch (error) {
    if (!(error instanceof ServiceUnavailableException)) throw error;
    res.status(503);
    return error.getResponse() as HealthCheckResult;
  }
}
