/**
 * One plain-language line about a company's QuickBooks connector, with a tone and, when something
 * is wrong, what the office should do about it.
 */
import type { Connector, System } from '../api/schema';
import { t } from '../i18n/t';
import { dayAndTime } from './time';

export type ConnectorTone = 'ok' | 'warn';

export interface ConnectorDescription {
  tone: ConnectorTone;
  /** The main sentence, e.g. "Web Connector last contact: today 9:02 AM." */
  text: string;
  /** What to do, only when the tone is 'warn'. */
  action: string | null;
}

export function describeConnector(system: System, connector: Connector, now: Date = new Date()): ConnectorDescription {
  if (system === 'qbd') {
    // Never called at all: the Web Connector is not set up yet, which "overdue" would not tell.
    if (!connector.lastContactAt && (connector.state === 'ok' || connector.state === 'stale')) {
      return { tone: 'warn', text: t('connectorQbdNeverCalled'), action: t('connectorQbdNeverCalledAction') };
    }
    const contact = dayAndTime(connector.lastContactAt, now) || t('timeNever');
    switch (connector.state) {
      case 'ok':
        return { tone: 'ok', text: t('connectorQbdOk', contact), action: null };
      case 'stale':
        return { tone: 'warn', text: t('connectorQbdStale', contact), action: t('connectorQbdStaleAction') };
      case 'offline':
        return { tone: 'warn', text: t('connectorQbdOffline', contact), action: t('connectorQbdOfflineAction') };
      case 'auth-expired':
        return { tone: 'warn', text: t('connectorQbdAuthExpired', contact), action: t('connectorQbdAuthExpiredAction') };
    }
  }
  const lastRun = dayAndTime(connector.lastRunAt ?? connector.lastContactAt, now) || t('timeNever');
  switch (connector.state) {
    case 'ok':
      return { tone: 'ok', text: t('connectorQboOk', lastRun), action: null };
    case 'stale':
      return { tone: 'warn', text: t('connectorQboStale', lastRun), action: t('connectorQboStaleAction') };
    case 'offline':
      return { tone: 'warn', text: t('connectorQboOffline', lastRun), action: t('connectorQboOfflineAction') };
    case 'auth-expired':
      return { tone: 'warn', text: t('connectorQboAuthExpired'), action: t('connectorQboAuthExpiredAction') };
  }
}
