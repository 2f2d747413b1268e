/** What a failed fetch says: undici puts the real reason (ECONNREFUSED, a TLS error) in `cause`. */
export const causeOf = (e: unknown): string => {
  const { cause, message } = e as Error;
  if (cause instanceof Error) return cause.toString();
  return typeof cause === 'string' ? cause : message;
};
