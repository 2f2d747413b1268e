import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { specPath } from '../../src/paths.js';
import { specNames } from '../../src/contract/names.js';

describe.each([...specNames])('%s spec', (name) => {
  it('is a valid OpenAPI 3.1 document for swagger-parser', async () => {
    const api = await SwaggerParser.validate(specPath(name));
    expect((api as { openapi?: string }).openapi).toBe('3.1.0');
  });
});
