import { isJsonObject, ownValue } from '../json/json-value.js';

/** `extra` deep-merged over `base` (objects merged key by key, anything else replaced); inputs untouched. */
export function mergeJson(base: unknown, extra: unknown): unknown {
  if (!isJsonObject(base) || !isJsonObject(extra)) return extra;
  const out: Record<string, unknown> = {};
  const put = (key: string, value: unknown): void => {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  };
  for (const key of Object.keys(base)) put(key, base[key]);
  for (const key of Object.keys(extra)) {
    const existing = ownValue(out, key);
    put(key, existing === undefined ? extra[key] : mergeJson(existing, extra[key]));
  }
  return out;
}
