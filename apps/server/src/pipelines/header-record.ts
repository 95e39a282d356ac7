import { defineHeader } from '@twinlink/core';
import type { HeaderValue } from '@twinlink/core';

/** The spelling under which a header is present in a record, compared ignoring case. */
export function presentName(headers: Readonly<Record<string, HeaderValue>>, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(headers, name)) return name;
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) return key;
  return undefined;
}

/** Sets a header, replacing any other spelling of its name. */
export function replaceHeader(headers: Record<string, HeaderValue>, name: string, value: HeaderValue): void {
  const present = presentName(headers, name);
  if (present !== undefined && present !== name) delete headers[present];
  defineHeader(headers, name, value);
}

/** Adds the entries of `additions` whose names are not present yet (the record's own headers win). */
export function addMissingHeaders(headers: Record<string, HeaderValue>, additions: Readonly<Record<string, string>>): void {
  for (const name of Object.keys(additions)) {
    if (presentName(headers, name) === undefined) defineHeader(headers, name, additions[name] as string);
  }
}
