/** settings.save input for a single sync service (the `primary` connection), as most tests need. */
import type { SettingsInput } from '@/lib/messaging/protocol';

export function oneService(apiUrl: string, token: string | undefined, options: { pollMinutes?: number; followed?: string[] } = {}): SettingsInput {
  return {
    connections: [{ id: 'primary', name: '', apiUrl, ...(token === undefined ? {} : { token }), followedCompanyIds: options.followed ?? [] }],
    pollMinutes: options.pollMinutes ?? 5,
  };
}
