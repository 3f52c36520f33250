/**
 * Values kept per connection in storage.local (poll gates, statuses): one record by connection id.
 * Before several services existed each was a single value under its own key; that value was the
 * primary service's and is read as such, so an upgrade keeps back-offs and "offline since".
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { PRIMARY_CONNECTION_ID } from './company-key';

export async function loadPerConnection<S extends v.GenericSchema>(
  schema: S,
  key: string,
  legacyKey: string,
): Promise<Record<string, v.InferOutput<S>>> {
  const stored = await browser.storage.local.get([key, legacyKey]);
  const parsed = v.safeParse(v.record(v.string(), schema), stored[key]);
  if (parsed.success) return parsed.output as Record<string, v.InferOutput<S>>;
  const legacy = v.safeParse(schema, stored[legacyKey]);
  return legacy.success ? { [PRIMARY_CONNECTION_ID]: legacy.output } : {};
}
