/**
 * The settings form: one card per sync service, "Add another sync service", the poll interval and
 * one Save for all of them; then the notification settings, saved on their own.
 */
import { useEffect } from 'preact/hooks';
import { localizeDocument } from '@/lib/i18n/document';
import { t } from '@/lib/i18n/t';
import { ConnectionCard } from './ConnectionCard';
import { ADD_BUTTON_ID } from './connection-draft';
import { NoticeLine } from './NoticeLine';
import { NotificationsSection } from './NotificationsSection';
import type { NotificationsStore } from './notifications-store';
import type { OptionsStore } from './store';
import { intervalLabel } from './validate';
import './options.css';

export function OptionsApp({ store, notifications }: { store: OptionsStore; notifications?: NotificationsStore }) {
  useEffect(() => localizeDocument(document, 'pageTitleOptions'), []);
  // Closing the tab with a service half set up would lose it: the browser asks first.
  const unsaved = store.hasUnsavedChanges.value;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const focusRequest = store.focusRequest.value;
  useEffect(() => {
    // After the render that shows the target (a new card, the confirm question, an error).
    if (focusRequest) document.getElementById(focusRequest.elementId)?.focus();
  }, [focusRequest]);

  const drafts = store.drafts.value;
  const active = drafts.filter((d) => d.removal.value !== 'pending');
  const loadFailed = store.loadFailed.value;

  return (
    <main class="options" data-testid="options-root" aria-busy={!store.loaded.value}>
      <header class="options__header">
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
      </header>

      <form
        class="options__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void store.save();
        }}
      >
        {loadFailed ? (
          <div class="actions">
            <button type="button" class="button" data-testid="settings-retry" onClick={() => void store.load()}>
              {t('optionsSvcRetryLoad')}
            </button>
          </div>
        ) : (
          <div class="connections">
            {drafts.map((draft) => (
              // A saved service can always be removed; a card added here can go while another remains.
              <ConnectionCard key={draft.id} draft={draft} store={store} removable={draft.stored || active.length > 1} />
            ))}
            {store.loaded.value && (
              <button type="button" id={ADD_BUTTON_ID} class="button add-connection" data-testid="add-connection" onClick={() => store.addConnection()}>
                {t('optionsSvcAdd')}
              </button>
            )}
          </div>
        )}

        <section class="card">
          <h2>{t('optionsPollHeading')}</h2>
          <div class="field">
            <label for="poll-interval">{t('optionsPollLabel')}</label>
            <select
              id="poll-interval"
              class="select"
              data-testid="settings-interval"
              value={String(store.pollMinutes.value)}
              onChange={(e) => (store.pollMinutes.value = Number(e.currentTarget.value))}
              aria-describedby="poll-interval-help"
            >
              {store.intervalChoices.value.map((m) => (
                <option key={m} value={String(m)}>
                  {intervalLabel(m)}
                </option>
              ))}
            </select>
            <p id="poll-interval-help" class="field__help">
              {t('optionsSvcPollHelp')}
            </p>
          </div>
        </section>

        <div class="actions actions--save">
          <button
            type="submit"
            class="button button--primary"
            data-testid="settings-save"
            disabled={store.saving.value || loadFailed || !store.loaded.value}
            aria-busy={store.saving.value}
          >
            {store.saving.value ? t('optionsSaving') : t('optionsSave')}
          </button>
          <NoticeLine notice={store.saveNotice.value} testId="settings-save-result" />
        </div>
      </form>
      {notifications && <NotificationsSection store={notifications} />}
    </main>
  );
}
