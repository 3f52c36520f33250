/**
 * Build-time defaults (Vite defines), used only while storage holds no saved settings. Guarded with
 * `typeof` so modules still load where the defines are absent (plain Node tests).
 */
import * as v from 'valibot';

export const DEFAULT_POLL_MINUTES = 5;

/**
 * Any period the alarm can use. Wider than the protocol's PollMinutes (whole minutes, what the
 * options page offers) so a test build can poll every few seconds (e.g. 0.1).
 */
export const AnyPollMinutes = v.pipe(v.number(), v.minValue(0.05), v.maxValue(60));

export interface BuildDefaults {
  apiUrl: string;
  token: string;
  pollMinutes: number;
}

export function buildDefaults(): BuildDefaults {
  const apiUrl = typeof __SYNCLENS_API_URL__ === 'string' ? __SYNCLENS_API_URL__ : '';
  const token = typeof __SYNCLENS_API_TOKEN__ === 'string' ? __SYNCLENS_API_TOKEN__ : '';
  const minutes = typeof __SYNCLENS_POLL_MINUTES__ === 'string' ? __SYNCLENS_POLL_MINUTES__ : '';
  return { apiUrl, token, pollMinutes: parsePollMinutes(minutes) };
}

/** A build may set a short test period (e.g. 0.1); anything unusable falls back to the default. */
export function parsePollMinutes(raw: string): number {
  if (!raw.trim()) return DEFAULT_POLL_MINUTES;
  const parsed = v.safeParse(AnyPollMinutes, Number(raw));
  return parsed.success ? parsed.output : DEFAULT_POLL_MINUTES;
}
