import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_PATH = 'docs';

/** OpenAPI document of the API, served as Swagger UI at /docs and JSON at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Sitrep API')
    .setDescription(
      'Actors and claims (arms transfers, sanctions, labour export, recognition, military cooperation) ' +
        'extracted from multilingual news, as per-actor timelines. Errors are RFC 9457 problem+json.',
    )
    .setVersion('1')
    .build();
  SwaggerModule.setup(OPENAPI_PATH, app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: `${OPENAPI_PATH}-json`,
  });
}
