/**
 * One plain-language line about a company's QuickBooks connector, with a tone and, when something
 * is wrong, what the office should do about it.
 */
import type { Connector, System } from '../api/schema';
import { dayAndTime } from './time';

export type ConnectorTone = 'ok' | 'warn';

export interface ConnectorDescription {
  tone: ConnectorTone;
  /** The main sentence, e.g. "Web Connector last contact: today 9:02." */
  text: string;
  /** What to do, only when the tone is 'warn'. */
  action: string | null;
}

function lastContact(connector: Connector, now: Date): string {
  const when = dayAndTime(connector.lastContactAt, now);
  return when || 'never';
}

export function describeConnector(system: System, connector: Connector, now: Date = new Date()): ConnectorDescription {
  const contact = lastContact(connector, now);
  if (system === 'qbd') {
    const base = `Approved items wait in Pending until the Web Connector runs. Web Connector last contact: ${contact}.`;
    switch (connector.state) {
      case 'ok':
        return { tone: 'ok', text: base, action: null };
      case 'stale':
        return {
          tone: 'warn',
          text: `The Web Connector is overdue. Last contact: ${contact}.`,
          action: 'On the QuickBooks computer, open the Web Connector and press "Update Selected"; keep that computer awake with QuickBooks open.',
        };
      case 'offline':
        return {
          tone: 'warn',
          text: `The Web Connector is offline. Last contact: ${contact}.`,
          action: 'Start QuickBooks Desktop and the Web Connector on the office computer, then run the Web Connector.',
        };
      case 'auth-expired':
        return {
          tone: 'warn',
          text: `The Web Connector could not sign in. Last contact: ${contact}.`,
          action: 'Reconnect: enter the sync password again in the Web Connector, then run it.',
        };
    }
  }
  const lastRun = dayAndTime(connector.lastRunAt ?? connector.lastContactAt, now) || 'never';
  switch (connector.state) {
    case 'ok':
      return { tone: 'ok', text: `QuickBooks Online connected. Last sync: ${lastRun}.`, action: null };
    case 'stale':
      return {
        tone: 'warn',
        text: `QuickBooks Online sync is behind. Last sync: ${lastRun}.`,
        action: 'Check the sync service status; items approved now sync on its next run.',
      };
    case 'offline':
      return {
        tone: 'warn',
        text: `QuickBooks Online is not connected. Last sync: ${lastRun}.`,
        action: 'Reconnect QuickBooks Online in the sync service.',
      };
    case 'auth-expired':
      return {
        tone: 'warn',
        text: 'The QuickBooks Online sign-in has expired.',
        action: 'Reconnect QuickBooks Online in the sync service (an admin must sign in to QuickBooks again).',
      };
  }
}
