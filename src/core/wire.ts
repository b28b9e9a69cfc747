/**
 * The one place where the services' formats meet the app's. The users service speaks snake_case with
 * epoch-ms timestamps, the auth service camelCase with ISO-8601 strings (older deployments: epoch ms);
 * apps get one shape. Only keys and `*Timestamp` values change: names, ids, permission strings and
 * every other value stay exactly as sent.
 */
import { isRecord } from './data.js';

/** A copy of `value` with every object key at every depth renamed, and each renamed field's value passed through `convert`. */
function mapKeys(value: unknown, rename: (key: string) => string, convert?: (key: string, value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename, convert));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const name = rename(key);
      const mapped = mapKeys(item, rename, convert);
      return [name, convert ? convert(name, mapped) : mapped];
    }),
  );
}

// A leading underscore (`_id`) is part of the name, not a word break.
const camelCase = (key: string) =>
  key.replace(/_+([a-z\d])/g, (match, char: string, offset: number) => (offset ? char.toUpperCase() : match));
const snakeCase = (key: string) => key.replace(/[A-Z]/g, (char, offset: number) => (offset ? '_' : '') + char.toLowerCase());

/** An ISO-8601 `*Timestamp` as epoch ms; numbers (and strings that are no date) are left as they are. */
function timestamp(key: string, value: unknown): unknown {
  if (!key.endsWith('Timestamp') || typeof value !== 'string') return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : ms;
}

/** A service answer as apps get it: camelCase keys at every depth, every `*Timestamp` in epoch milliseconds. */
export const fromWire = (answer: unknown): unknown => mapKeys(answer, camelCase, timestamp);

/** A users-service request body: snake_case keys at every depth (`newPassword` → `new_password`). */
export const toSnakeCase = (body: unknown): unknown => mapKeys(body, snakeCase);
