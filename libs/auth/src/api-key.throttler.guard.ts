import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { RequestWithApiKey } from './api-key.guard';

/** The key's id, or nothing on a public route (which {@link apiKeyOf} lets the throttler skip). */
export const apiKeyOf = (context: ExecutionContext) =>
  context.switchToHttp().getRequest<RequestWithApiKey>().apiKey;

/**
 * `@nestjs/throttler`'s guard counting per API key (not per address), after {@link ApiKeyGuard}
 * has put the key on the request; the limit itself is the key's (see AuthModule).
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const { apiKey } = req as Partial<RequestWithApiKey>;
    return apiKey ? `api-key:${apiKey.id}` : 'anonymous';
  }
}
