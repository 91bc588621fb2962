import { OpenApiInfo } from '@sitrep/domain/http';

/** The api's OpenAPI document (served at /v1/openapi.json, Swagger UI at /docs). */
export const API_OPENAPI: OpenApiInfo = {
  title: 'Sitrep API',
  description:
    'Actors and claims (arms transfers, sanctions, labour export, recognition, military cooperation) ' +
    'extracted from multilingual news, as per-actor timelines; API keys of every app.',
};
