/**
 * Each HTTP app's OpenAPI document: the running app serves exactly the checked-in docs/openapi/<app>.json
 * (regenerate with `npm run openapi`), it is a valid OpenAPI 3.1 document, it lists every route the app
 * serves, and walking it proves that no route is open by mistake: every operation but the public ones
 * answers 401 without a key and 403 to a key lacking the operation's scopes.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { INestApplication } from '@nestjs/common';
import { API_KEY_SCOPES, ApiKeyScope } from '@sitrep/auth';
import { OPENAPI_JSON_PATH, PROBLEM_JSON } from '@sitrep/domain/http';
import { createTestApiKey } from '@sitrep/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { HTTP_APPS, HttpAppName, servedRoutes, startHttpApp } from './support/http-apps';

jest.setTimeout(180_000);

interface Operation {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, unknown>;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const operationsOf = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );

/** A concrete URL for a templated path: the guard answers before any parameter is looked at. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');

const scopesOf = (operation: Operation): ApiKeyScope[] =>
  [
    ...new Set((operation.security ?? []).flatMap((requirement) => Object.values(requirement).flat())),
  ] as ApiKeyScope[];

describe.each(HTTP_APPS)('OpenAPI of %s (e2e)', (name: HttpAppName) => {
  let app: INestApplication;
  let document: Document;

  beforeAll(async () => {
    app = await startHttpApp(name);
    const res = await request(app.getHttpServer()).get(OPENAPI_JSON_PATH).expect(200);
    document = res.body as Document;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('should serve the checked-in document (npm run openapi regenerates it)', () => {
    const checkedIn = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'docs', 'openapi', `${name}.json`), 'utf8'),
    );
    expect(document).toEqual(checkedIn);
  });

  it('should be a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    // OpenAPI 3.0's keyword, which 3.1 (JSON Schema 2020-12) silently ignores.
    expect(JSON.stringify(document)).not.toContain('"nullable"');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('should document every route the app serves', () => {
    const documented = operationsOf(document).map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(servedRoutes(app).sort()).toEqual(documented.sort());
  });

  it('should declare for every operation either its scopes or that it is public, with problem+json errors', () => {
    for (const { path, method, operation } of operationsOf(document)) {
      const label = `${method.toUpperCase()} ${path}`;
      expect({ label, declared: Array.isArray(operation.security) }).toEqual({ label, declared: true });
      if (operation.security?.length) {
        expect({ label, responses: Object.keys(operation.responses) }).toEqual({
          label,
          responses: expect.arrayContaining(['401', '403', '429']),
        });
        expect(
          scopesOf(operation).every((scope) => (API_KEY_SCOPES as readonly string[]).includes(scope)),
        ).toBe(true);
      } else {
        expect({ label, public: path.startsWith('/health') }).toEqual({ label, public: true });
      }
    }
  });

  it('should answer 401 without a key on every operation that is not public', async () => {
    for (const { path, method, operation } of operationsOf(document)) {
      if (!operation.security?.length) continue;
      const res = await request(app.getHttpServer())[method as 'get'](concrete(path));
      expect({ route: `${method} ${path}`, status: res.status }).toEqual({
        route: `${method} ${path}`,
        status: 401,
      });
      expect(res.headers['content-type']).toContain(PROBLEM_JSON);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('should answer 403 to a key without the scopes of the operation', async () => {
    for (const { path, method, operation } of operationsOf(document)) {
      const required = scopesOf(operation);
      if (required.length === 0) continue;
      const others = API_KEY_SCOPES.filter((scope) => scope !== 'admin' && !required.includes(scope));
      const key = await createTestApiKey(others, { name: `walk ${name} ${method} ${path}` });
      const res = await request(app.getHttpServer())[method as 'get'](concrete(path)).set(key.headers);
      expect({ route: `${method} ${path}`, scopes: others, status: res.status }).toEqual({
        route: `${method} ${path}`,
        scopes: others,
        status: 403,
      });
    }
  });

  it('should leave the public operations open', async () => {
    for (const { path, method, operation } of operationsOf(document)) {
      if (operation.security?.length) continue;
      const res = await request(app.getHttpServer())[method as 'get'](concrete(path));
      expect({ route: `${method} ${path}`, open: res.status !== 401 && res.status !== 403 }).toEqual({
        route: `${method} ${path}`,
        open: true,
      });
    }
  });
});
