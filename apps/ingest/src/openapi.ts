import { OpenApiInfo } from '@sitrep/domain/http';

/** The ingest app's OpenAPI document (served at /v1/openapi.json, Swagger UI at /docs). */
export const INGEST_OPENAPI: OpenApiInfo = {
  title: 'Sitrep ingest',
  description:
    'Takes articles in (JSON, HTML or plain text, one or up to 500 at a time), deduplicates them and ' +
    'announces them to the pipeline; registers and polls RSS, Atom and JSON feeds.',
};
