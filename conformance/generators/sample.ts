import type { Faker } from '@faker-js/faker';
import type { Json, JsonObject } from '../../src/contract/load.js';

/**
 * A valid value for a (dereferenced, simple) schema, drawn with the run's seeded Faker; undefined
 * when the schema asks for more than this sampler knows (a pattern with no example).
 */
export function sample(schema: JsonObject, faker: Faker): Json | undefined {
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return faker.helpers.arrayElement(schema.enum.filter((v) => v !== null));
  if (Array.isArray(schema.examples) && schema.examples.length) return faker.helpers.arrayElement(schema.examples);
  const types = ([] as Json[]).concat(schema.type ?? []).filter((t) => t !== 'null');
  const type = types[0];
  switch (type) {
    case 'integer': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const max = typeof schema.maximum === 'number' ? schema.maximum : min + 50;
      return faker.number.int({ min, max: Math.min(max, min + 50) });
    }
    case 'number':
      return faker.number.float({
        min: Number(schema.minimum ?? 0),
        max: Number(schema.maximum ?? 100),
        fractionDigits: 1,
      });
    case 'boolean':
      return faker.datatype.boolean();
    case 'string': {
      if (schema.pattern) return undefined;
      if (schema.format === 'uuid') return faker.string.uuid();
      if (schema.format === 'email') return faker.internet.email().toLowerCase();
      if (schema.format === 'date-time')
        return faker.date.future({ years: 5, refDate: '2030-01-01T00:00:00Z' }).toISOString();
      const min = Number(schema.minLength ?? 1);
      const max = Number(schema.maxLength ?? 20);
      return faker.string.alpha({ length: { min: Math.max(1, min), max: Math.max(min, Math.min(max, 12)) } });
    }
    case 'array': {
      const item = sample((schema.items ?? {}) as JsonObject, faker);
      return item === undefined ? undefined : [item];
    }
    default:
      return undefined;
  }
}
