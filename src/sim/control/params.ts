/**
 * A provider state's parameter as a string, if it is one: the control spec has checked the
 * parameters of each state by then, and a fixture factory wants its own typed body.
 */
export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
