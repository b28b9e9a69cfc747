/**
 * The one place where the services' formats meet the app's. The users service speaks snake_case with
 * epoch-ms timestamps, the auth service camelCase with ISO-8601 strings (older deployments: epoch ms);
 * apps get one shape. Only keys and `*Timestamp` values change: names, ids, permission strings and
 * every other value stay exactly as sent.
 */
import { isRecord } from './data.js';

/** A copy of `value` with every object key at every depth renamed, and each field's new value made by `convert`. */
function mapKeys(value: unknown, rename: (key: string) => string, convert = (_key: string, item: unknown) => item): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename, convert));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [(key = rename(key)), convert(key, mapKeys(item, rename, convert))]),
  );
}

/** A service answer as apps get it: camelCase keys at every depth, every ISO-8601 `*Timestamp` in epoch ms. */
export const fromWire = (answer: unknown): unknown =>
  mapKeys(
    answer,
    // A leading underscore (`_id`) is part of the name, not a word break.
    (key) => key.replace(/_+([a-z\d])/g, (match, char: string, offset: number) => (offset ? char.toUpperCase() : match)),
    // Numbers, and strings that are no date (or the epoch itself, which no service sends), are left as they are.
    (key, item) => (key.endsWith('Timestamp') && typeof item === 'string' && Date.parse(item)) || item,
  );

/** A users-service request body: snake_case keys at every depth (`newPassword` → `new_password`). */
export const toSnakeCase = (body: unknown): unknown =>
  mapKeys(body, (key) => key.replace(/[A-Z]/g, (char, offset: number) => (offset ? '_' : '') + char.toLowerCase()));
