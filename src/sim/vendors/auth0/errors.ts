import { memberOf } from '../../error-types.js';
import type { ApiError } from '../../errors.js';
import { fieldName } from '../../errors.js';
import { statusOf } from '../../issues.js';
import type { Reply } from '../../module.js';

// Auth0's `error` member is the reason phrase; a table rather than node:http so that the core runs in a browser.
export const reasons: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const validationPrefix = {
  query: ['Query', 'invalid_query_string'],
  path: ['Path', 'invalid_uri'],
  header: ['Header', 'invalid_headers'],
  body: ['Payload', 'invalid_body'],
} as const;

/** Auth0's envelope: `{statusCode, error: <reason phrase>, message, errorCode}`. */
export function formatError(err: ApiError): Reply {
  const status = statusOf(err);
  const body = (message: string, errorCode: string) => ({
    status,
    body: { statusCode: status, error: reasons[status] ?? 'Error', message, errorCode },
  });
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

/** Auth0's error type is its `errorCode`. */
export function errorTypes(body: unknown): string[] {
  const code = memberOf(body, 'errorCode');
  return typeof code === 'string' ? [code] : [];
}
