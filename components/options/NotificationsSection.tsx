/** The "Notifications" card: master switch, morning digest, new failures, connector alerts, quiet hours. */
import type { Signal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import { NoticeLine } from './NoticeLine';
import type { NotificationsStore } from './notifications-store';

function Check({ id, label, value, testId, help }: { id: string; label: string; value: Signal<boolean>; testId: string; help?: string }) {
  return (
    <div class="field">
      <label class="check" for={id}>
        <input id={id} type="checkbox" data-testid={testId} checked={value.value} onChange={(e) => (value.value = e.currentTarget.checked)} aria-describedby={help ? `${id}-help` : undefined} />
        <span>{label}</span>
      </label>
      {help && <p id={`${id}-help`} class="field__help">{help}</p>}
    </div>
  );
}

function Time({ id, label, value, error, disabled, testId }: { id: string; label: string; value: Signal<string>; error?: string; disabled: boolean; testId: string }) {
  return (
    <div class="field field--time">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="time"
        class={`input${error ? ' input--invalid' : ''}`}
        data-testid={testId}
        value={value.value}
        disabled={disabled}
        onInput={(e) => (value.value = e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && <p id={`${id}-error`} class="field__error" role="alert">{error}</p>}
    </div>
  );
}

export function NotificationsSection({ store }: { store: NotificationsStore }) {
  const errors = store.fieldErrors.value;
  const off = !store.enabled.value;
  return (
    <form
      class="options__form"
      noValidate
      aria-busy={!store.loaded.value}
      onSubmit={(e) => {
        e.preventDefault();
        void store.save();
      }}
    >
      <section class="card" aria-labelledby="notifications-title" data-testid="notifications-section">
        <h2 id="notifications-title">{t('optionsNotifyHeading')}</h2>
        <div class="field">
          <label class="check" for="notify-enabled">
            <input
              id="notify-enabled"
              type="checkbox"
              role="switch"
              data-testid="notify-enabled"
              checked={store.enabled.value}
              disabled={store.asking.value}
              aria-describedby="notify-enabled-help"
              onChange={(e) => {
                const on = e.currentTarget.checked;
                // Shown as off until the browser allows it.
                e.currentTarget.checked = store.enabled.value;
                void store.setEnabled(on);
              }}
            />
            <span>{t('optionsNotifyEnabled')}</span>
          </label>
          <p id="notify-enabled-help" class="field__help">
            {store.asking.value ? t('optionsNotifyAsking') : t('optionsNotifyEnabledHelp')}
          </p>
        </div>
        <fieldset class="notify-options" disabled={off} data-testid="notify-options">
          <legend class="sr-only">{t('optionsNotifyWhat')}</legend>
          <div class="notify-row">
            <Check id="notify-digest" label={t('optionsNotifyDigest')} value={store.digestOn} testId="notify-digest" help={t('optionsNotifyDigestHelp')} />
            <Time id="notify-digest-at" label={t('optionsNotifyDigestAt')} value={store.digestAt} error={errors.digestAt} disabled={off || !store.digestOn.value} testId="notify-digest-at" />
          </div>
          <Check id="notify-failures" label={t('optionsNotifyFailures')} value={store.newFailures} testId="notify-failures" help={t('optionsNotifyFailuresHelp')} />
          <Check id="notify-connector" label={t('optionsNotifyConnector')} value={store.connectorAlerts} testId="notify-connector" help={t('optionsNotifyConnectorHelp')} />
          <div class="notify-row">
            <Check id="notify-quiet" label={t('optionsNotifyQuiet')} value={store.quietOn} testId="notify-quiet" />
            <Time id="notify-quiet-from" label={t('optionsNotifyQuietFrom')} value={store.quietFrom} error={errors.quietFrom} disabled={off || !store.quietOn.value} testId="notify-quiet-from" />
            <Time id="notify-quiet-to" label={t('optionsNotifyQuietTo')} value={store.quietTo} error={errors.quietTo} disabled={off || !store.quietOn.value} testId="notify-quiet-to" />
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="button button--primary" data-testid="notify-save" disabled={store.saving.value || !store.loaded.value} aria-busy={store.saving.value}>
            {store.saving.value ? t('optionsSaving') : t('optionsNotifySave')}
          </button>
          <NoticeLine notice={store.notice.value} testId="notify-result" />
        </div>
      </section>
    </form>
  );
}
