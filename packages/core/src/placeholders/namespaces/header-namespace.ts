import type { PlaceholderContext } from '../placeholder-context.js';
import type { PlaceholderNamespace } from './placeholder-namespace.js';

type Headers = Readonly<Record<string, string>>;

// Per header object, the lower-cased view; built once per message, not per placeholder.
const lowerCaseViews = new WeakMap<Headers, Map<string, string>>();

function lowerCaseView(headers: Headers): Map<string, string> {
  let view = lowerCaseViews.get(headers);
  if (view === undefined) {
    view = new Map();
    for (const [key, value] of Object.entries(headers)) {
      const lower = key.toLowerCase();
      // the first spelling wins, like a case-insensitive map filled in order
      if (typeof value === 'string' && !view.has(lower)) view.set(lower, value);
    }
    lowerCaseViews.set(headers, view);
  }
  return view;
}

/** The value of header `name`, exact-case or case-insensitive; never reads inherited properties. */
export function headerValue(headers: Headers, name: string, caseInsensitive: boolean): string | undefined {
  if (Object.prototype.hasOwnProperty.call(headers, name)) {
    const value = headers[name];
    if (typeof value === 'string') return value;
  }
  return caseInsensitive ? lowerCaseView(headers).get(name.toLowerCase()) : undefined;
}

/** `header:<name>`: any name; the value of that header. */
export const headerNamespace: PlaceholderNamespace = {
  prefix: 'header',
  contextKey: 'headers',
  compileName: (name) => (context: PlaceholderContext, options) => {
    if (name.length === 0) throw new Error("The argument 'headerKey' must not be empty!");
    const headers = context.headers;
    if (!headers) return [];
    const value = headerValue(headers, name, options.caseInsensitiveHeaders);
    return value === undefined ? [] : [value];
  },
};
