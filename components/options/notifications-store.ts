/**
 * The options page's "Notifications" section. Turning the master switch on asks for the optional
 * `notifications` permission synchronously inside the click (Chrome shows the prompt only during
 * a user gesture); refused, the switch stays off and the page says why. Save sends the settings.
 */
import { batch, signal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import type { NotificationSettings } from '@/lib/messaging/center-commands';
import type { SendCommand } from '../common/client';
import type { Notice } from './store';

export interface NotificationsDeps {
  send: SendCommand;
  /** browser.permissions.request({ permissions: ['notifications'] }) in the real page. */
  requestNotifications: () => Promise<boolean>;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** <input type=time> may add seconds ("07:30:00"); the settings keep HH:MM. */
export function toClock(value: string): string | null {
  const hhmm = value.slice(0, 5);
  return CLOCK.test(hhmm) && (value.length === 5 || /^:\d\d(\.\d+)?$/.test(value.slice(5))) ? hhmm : null;
}

export function createNotificationsStore(deps: NotificationsDeps) {
  const loaded = signal(false);
  const enabled = signal(false);
  const digestOn = signal(true);
  const digestAt = signal('07:30');
  const newFailures = signal(true);
  const connectorAlerts = signal(true);
  const quietOn = signal(true);
  const quietFrom = signal('20:00');
  const quietTo = signal('06:30');
  const asking = signal(false);
  const saving = signal(false);
  const notice = signal<Notice | null>(null);
  const fieldErrors = signal<Partial<Record<'digestAt' | 'quietFrom' | 'quietTo', string>>>({});

  function apply(s: NotificationSettings): void {
    enabled.value = s.enabled;
    digestOn.value = s.digestAt !== null;
    if (s.digestAt) digestAt.value = s.digestAt;
    newFailures.value = s.newFailures;
    connectorAlerts.value = s.connectorAlerts;
    quietOn.value = s.quietFrom !== null && s.quietTo !== null;
    if (s.quietFrom) quietFrom.value = s.quietFrom;
    if (s.quietTo) quietTo.value = s.quietTo;
  }

  async function load(): Promise<void> {
    const reply = await deps.send('notifications.get', {});
    batch(() => {
      if (reply.ok) apply(reply.data);
      else notice.value = { kind: 'error', text: t('optionsNotifyLoadFailed', reply.error.message) };
      loaded.value = true;
    });
  }

  /** The master switch; call directly from the click so the permission prompt can show. */
  function setEnabled(on: boolean): Promise<void> {
    notice.value = null;
    if (!on) {
      enabled.value = false;
      return Promise.resolve();
    }
    asking.value = true;
    // No await before this call: the prompt needs the click's user gesture.
    return deps.requestNotifications().then(
      (granted) => {
        batch(() => {
          asking.value = false;
          enabled.value = granted;
          notice.value = granted
            ? { kind: 'info', text: t('optionsNotifyAllowed') }
            : { kind: 'error', text: t('optionsNotifyRefused') };
        });
      },
      (err: unknown) => {
        batch(() => {
          asking.value = false;
          enabled.value = false;
          notice.value = { kind: 'error', text: t('optionsNotifyPermissionError', String(err)) };
        });
      },
    );
  }

  /** The settings to save, or null with the bad fields marked. */
  function collect(): NotificationSettings | null {
    const errors: Partial<Record<'digestAt' | 'quietFrom' | 'quietTo', string>> = {};
    const clock = (field: 'digestAt' | 'quietFrom' | 'quietTo', value: string) => {
      const c = toClock(value);
      if (!c) errors[field] = t('optionsNotifyBadTime');
      return c;
    };
    const digest = digestOn.value ? clock('digestAt', digestAt.value) : null;
    const from = quietOn.value ? clock('quietFrom', quietFrom.value) : null;
    const to = quietOn.value ? clock('quietTo', quietTo.value) : null;
    if (quietOn.value && from && to && from === to) errors.quietTo = t('optionsNotifyQuietSameTime');
    fieldErrors.value = errors;
    if (Object.keys(errors).length > 0) return null;
    return { enabled: enabled.value, digestAt: digest, newFailures: newFailures.value, connectorAlerts: connectorAlerts.value, quietFrom: from, quietTo: to };
  }

  async function save(): Promise<void> {
    if (saving.value) return;
    const settings = collect();
    if (!settings) {
      notice.value = { kind: 'error', text: t('optionsNotifyCheckTimes') };
      return;
    }
    saving.value = true;
    notice.value = null;
    const reply = await deps.send('notifications.save', settings);
    batch(() => {
      saving.value = false;
      if (reply.ok) {
        apply(reply.data);
        const text = !reply.data.enabled
          ? t('optionsNotifySavedOff')
          : reply.data.digestAt
            ? t('optionsNotifySavedDigest', reply.data.digestAt)
            : t('optionsNotifySavedNoDigest');
        notice.value = { kind: 'success', text };
      } else {
        notice.value = { kind: 'error', text: t('optionsNotSaved', reply.error.message) };
      }
    });
  }

  return {
    loaded, enabled, digestOn, digestAt, newFailures, connectorAlerts, quietOn, quietFrom, quietTo,
    asking, saving, notice, fieldErrors, load, setEnabled, save,
  };
}

export type NotificationsStore = ReturnType<typeof createNotificationsStore>;
