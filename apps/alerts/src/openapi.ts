import { OpenApiInfo } from '@sitrep/domain/http';

/** The alerts app's OpenAPI document (served at /v1/openapi.json, Swagger UI at /docs). */
export const ALERTS_OPENAPI: OpenApiInfo = {
  title: 'Sitrep alerts',
  description:
    "Analysts' alert rules on extracted claims, the alerts they raised with their webhook deliveries, " +
    'and a resumable Server-Sent Events stream of alerts.',
};
