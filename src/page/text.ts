/** A value as the page prints it: objects as their JSON, where String() gives "[object Object]". */
export function textOf(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return v.toString();
    case 'function':
      return '[function]';
    default:
      return v === null ? 'null' : JSON.stringify(v);
  }
}
