import type { DittoError } from '../errors/ditto-error.js';
import { validateTemplate } from '../placeholders/index.js';

/**
 * The raw `placeholder:*` error of a template whose placeholders are not all of `namespaces`
 * (or whose functions are unknown or malformed); `undefined` when the template is fine.
 */
export function checkTemplatePlaceholders(template: string, namespaces: readonly string[]): DittoError | undefined {
  try {
    validateTemplate(template, namespaces);
    return undefined;
  } catch (error) {
    return error as DittoError;
  }
}
