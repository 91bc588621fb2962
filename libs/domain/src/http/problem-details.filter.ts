import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { STATUS_CODES } from 'node:http';
import { RequestWithContext } from './request-context';

export const PROBLEM_JSON = 'application/problem+json';

/** RFC 9457 problem details, plus the ids that let a caller's report be found in the logs. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId?: string;
  correlationId?: string;
  /** Every message when there are several (validation). */
  errors?: string[];
}

interface HttpExceptionBody {
  message?: string | string[];
}

const describeHttpException = (exception: HttpException): { detail: string; errors?: string[] } => {
  const body = exception.getResponse();
  if (typeof body === 'string') return { detail: body };
  const message = (body as HttpExceptionBody).message;
  if (Array.isArray(message)) return { detail: message.join('; '), errors: message };
  return { detail: typeof message === 'string' ? message : exception.message };
};

/** Turns every error of an HTTP request into problem+json and hides the details of 5xx errors. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<RequestWithContext>();
    const res = ctx.getResponse<unknown>();

    const status =
      exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    const described =
      exception instanceof HttpException && status < 500
        ? describeHttpException(exception)
        : { detail: 'An unexpected error occurred. Quote the request id when you report it.' };

    const problem: ProblemDetails = {
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail: described.detail,
      instance: String(httpAdapter.getRequestUrl(req)),
      requestId: req.requestId,
      correlationId: req.correlationId,
      ...(described.errors ? { errors: described.errors } : {}),
    };

    if (status >= 500) {
      const error = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(
        `${problem.instance} failed (request ${req.requestId}): ${error.message}`,
        error.stack,
      );
    }

    httpAdapter.setHeader(res, 'content-type', PROBLEM_JSON);
    // A string body: the adapter would turn an object's content type back into application/json.
    httpAdapter.reply(res, JSON.stringify(problem), status);
  }
}
