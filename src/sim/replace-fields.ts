/**
 * Gives `target` exactly the fields of `record`, in place: the stored object stays the one
 * every index of a state holds (a field the record lacks goes). Works through a session's
 * copy-on-write view as on a plain object.
 */
export function replaceFields(target: object, record: object): void {
  for (const k of Object.keys(target)) if (!Object.hasOwn(record, k)) Reflect.deleteProperty(target, k);
  Object.assign(target, record);
}
