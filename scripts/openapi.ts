// `npm run openapi`: regenerates docs/lms-api.openapi.json from the zod schemas.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderOpenApiDocument } from '../src/main/lms/openapi';

const target = path.resolve(import.meta.dirname, '..', 'docs', 'lms-api.openapi.json');
writeFileSync(target, renderOpenApiDocument());
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
