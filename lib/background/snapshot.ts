/** The popup's view of the world, from storage only (instant, works offline). */
import type { Snapshot } from '../messaging/protocol';
import { readCompanies, readSummary } from '../db/cache';
import { loadSettings, toPublic } from '../settings/store';
import type { BackgroundContext } from './context';
import { loadStatus } from './status';

export async function buildSnapshot(ctx: BackgroundContext): Promise<Snapshot> {
  const [status, row, companies, settings] = await Promise.all([loadStatus(), readSummary(ctx.db), readCompanies(ctx.db), loadSettings()]);
  return { status, summary: row?.summary ?? null, companies, settings: toPublic(settings) };
}
