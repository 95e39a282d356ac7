import { cachedTemplate } from './compile-template.js';
import type { PipelineElement } from './pipeline-element.js';

/**
 * Validation mode (placeholders.md §2): every placeholder whose prefix is in `allowedPrefixes` and
 * whose name that namespace supports resolves to `dummy`; functions run on the dummies. Throws the raw
 * `placeholder:*` DittoError for an unknown prefix or name, unknown function, bad signature or too
 * many functions; the caller wraps it into `connectivity:connection.configuration.invalid`.
 * Returns the element produced with the dummies (e.g. to check an address shape).
 */
export function validateTemplate(template: string, allowedPrefixes: Iterable<string>, dummy = ''): PipelineElement {
  return cachedTemplate(template).validate({ allowedPrefixes: new Set(allowedPrefixes), dummy });
}
