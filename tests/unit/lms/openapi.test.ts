// docs/lms-api.openapi.json is generated from the zod schemas; this keeps the committed file
// from drifting away from them, and checks it documents every error code the API has.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, renderOpenApiDocument } from '../../../src/main/lms/openapi';
import { ApiErrorCode } from '../../../src/shared/lms/api';

const committedPath = path.resolve(import.meta.dirname, '../../../docs/lms-api.openapi.json');

describe('the OpenAPI document', () => {
  it('matches what the schemas generate now', () => {
    const committed = readFileSync(committedPath, 'utf8');
    const fresh = renderOpenApiDocument();
    if (committed !== fresh) {
      throw new Error('docs/lms-api.openapi.json is stale: the zod schemas changed since it was generated. Run `npm run openapi` and commit the result.');
    }
  });

  it('documents every error code of the API in at least one response', () => {
    const text = JSON.stringify(buildOpenApiDocument());
    for (const code of ApiErrorCode.options) expect(text, code).toContain(`"code":"${code}"`);
  });

  it('describes every endpoint with a bearer token, and the headers each write needs', () => {
    const doc = buildOpenApiDocument() as {
      security: unknown;
      paths: Record<string, Record<string, { parameters?: { $ref?: string }[]; responses: Record<string, unknown> }>>;
    };
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/__demo/attempts', '/__demo/complete', '/__demo/inbound-email', '/__demo/state-digest', '/__faults', '/agents', '/attachments/{id}', '/attachments/{id}/content', '/changes', '/changes/wait', '/enrollments', '/learners/{id}/transcript', '/manual-passes', '/me', '/tickets/{id}', '/tickets/{id}/messages'].sort(),
    );
    const refs = (p: string, m: string) => (doc.paths[p]?.[m]?.parameters ?? []).map((x) => x.$ref).filter(Boolean);
    expect(refs('/manual-passes', 'post')).toContain('#/components/parameters/IdempotencyKeyRequired');
    expect(refs('/tickets/{id}', 'patch')).toContain('#/components/parameters/IfMatch');
    expect(Object.keys(doc.paths['/tickets/{id}']?.patch?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '404', '412', '413', '428', '500']));
    expect(Object.keys(doc.paths['/manual-passes']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '413', '422', '500']));
  });
});
