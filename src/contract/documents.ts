/**
 * The specs as the core reads them. From source, the generated documents as written; the
 * library's and the browser's bundles put the runtime copies in this module's place
 * (scripts/runtime-specs.mjs: no prose or examples for readers, about half the text to compile
 * and parse at a start). What readers see, the docs page, comes from full-spec.ts.
 */
export { specDocuments } from '../generated/specs.js';
