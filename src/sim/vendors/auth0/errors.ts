import { STATUS_CODES } from 'node:http';
import type { ApiError } from '../../errors.js';
import { fieldName } from '../../errors.js';
import { statusOf } from '../../issues.js';
import type { Reply } from '../../module.js';

const validationPrefix = { query: ['Query', 'invalid_query_string'], path: ['Path', 'invalid_uri'], header: ['Header', 'invalid_headers'], body: ['Payload', 'invalid_body'] } as const;

/** Auth0's envelope: `{statusCode, error: <reason phrase>, message, errorCode}`. */
export function formatError(err: ApiError): Reply {
  const status = statusOf(err);
  const body = (message: string, errorCode: string) => ({ status, body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, errorCode } });
  switch (err.kind) {
    case 'validation': {
      const first = err.issues[0];
      const where = (first?.in ?? 'body') as keyof typeof validationPrefix;
      const [label, code] = validationPrefix[where] ?? validationPrefix.body;
      const what = err.issues.map((i) => {
        const name = fieldName(i.path);
        if (i.keyword === 'additionalProperties') return `'Additional properties not allowed: ${name}'`;
        if (i.keyword === 'required') return `'Missing required property: ${name || 'body'}'`;
        return `'${i.message}' on property ${name}`;
      });
      return body(`${label} validation error: ${what.join('; ')}.`, code);
    }
    case 'malformed_body':
      return body('Invalid request payload JSON format', 'invalid_body');
    case 'body_too_large':
      return body('Payload content length greater than maximum allowed: 1048576', 'invalid_body');
    case 'route_not_found':
      return body('Not Found', 'not_found');
    case 'internal':
      return body('An internal server error occurred', 'internal_server_error');
    default:
      return body(err.message, err.code ?? err.kind);
  }
}
