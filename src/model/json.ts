/** A JSON value: what policies, plan documents and patches are made of. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/**
 * A deep copy of a JSON value. Several times faster than structuredClone for
 * plain data (which the desired state of thousands of repositories copies a
 * policy per repository of). A "__proto__" key stays an own key, as JSON.parse makes it.
 */
export function copyJson<T extends Json>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => copyJson(item)) as T;
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) {
    const item = copyJson((value as JsonObject)[key]);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as T;
}
