/**
 * The settings form: service address, token, poll interval, followed companies, Save and Test;
 * then the notification settings, saved on their own.
 */
import { useEffect } from 'preact/hooks';
import { localizeDocument } from '@/lib/i18n/document';
import { formatCount } from '@/lib/format/amount';
import { t } from '@/lib/i18n/t';
import { NoticeLine } from './NoticeLine';
import { NotificationsSection } from './NotificationsSection';
import type { NotificationsStore } from './notifications-store';
import type { OptionsStore } from './store';
import { intervalLabel } from './validate';

const SYSTEM_LABEL = { qbo: 'systemQbo', qbd: 'systemQbd' } as const;

export function OptionsApp({ store, notifications }: { store: OptionsStore; notifications?: NotificationsStore }) {
  useEffect(() => localizeDocument(document, 'pageTitleOptions'), []);
  const urlError = store.urlError.value;
  const companies = store.companies.value;
  const followed = store.followed.value;
  const known = new Set(companies.map((c) => c.id));
  const missing = [...followed].filter((id) => !known.has(id));

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
        <section class="card">
          <h2>{t('optionsServiceHeading')}</h2>
          <div class="field">
            <label for="api-url">{t('optionsApiUrlLabel')}</label>
            <input
              id="api-url"
              class={`input${urlError ? ' input--invalid' : ''}`}
              data-testid="settings-api-url"
              type="url"
              inputMode="url"
              autoComplete="url"
              spellcheck={false}
              placeholder={t('optionsApiUrlPlaceholder')}
              value={store.apiUrl.value}
              onInput={(e) => (store.apiUrl.value = e.currentTarget.value)}
              aria-invalid={urlError ? true : undefined}
              aria-describedby={urlError ? 'api-url-error' : 'api-url-help'}
            />
            {urlError ? (
              <p id="api-url-error" class="field__error" data-testid="settings-url-error" role="alert">
                {urlError}
              </p>
            ) : (
              <p id="api-url-help" class="field__help">
                {t('optionsApiUrlHelp')}
              </p>
            )}
          </div>
          <div class="field">
            <label for="api-token">{t('optionsTokenLabel')}</label>
            <input
              id="api-token"
              class="input"
              data-testid="settings-token"
              type="password"
              autoComplete="off"
              placeholder={store.hasToken.value ? t('optionsTokenPlaceholderSaved') : t('optionsTokenPlaceholder')}
              value={store.token.value}
              onInput={(e) => (store.token.value = e.currentTarget.value)}
              aria-describedby="api-token-help"
            />
            <p id="api-token-help" class="field__help">
              {store.hasToken.value ? t('optionsTokenHelpSaved') : t('optionsTokenHelp')}
            </p>
          </div>
          <div class="actions">
            <button type="button" class="button" data-testid="settings-test" disabled={store.testing.value} aria-busy={store.testing.value} onClick={() => void store.test()}>
              {store.testing.value ? t('optionsTesting') : t('optionsTest')}
            </button>
            <NoticeLine notice={store.testNotice.value} testId="settings-test-result" />
          </div>
        </section>

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
            >
              {store.intervalChoices.value.map((m) => (
                <option key={m} value={String(m)}>
                  {intervalLabel(m)}
                </option>
              ))}
            </select>
          </div>
        </section>

        <section class="card">
          <fieldset class="companies" data-testid="settings-companies">
            <legend>
              <h2>{t('optionsCompaniesHeading')}</h2>
            </legend>
            <p class="field__help" data-testid="settings-companies-hint">
              {followed.size === 0
                ? t('optionsCompaniesAll')
                : followed.size === 1
                  ? t('optionsCompaniesFollowingOne')
                  : t('optionsCompaniesFollowingMany', formatCount(followed.size))}
            </p>
            {companies.length === 0 && missing.length === 0 && (
              <p class="muted">{t('optionsCompaniesLoadHint')}</p>
            )}
            {companies.map((c) => (
              <label class="check" key={c.id}>
                <input
                  type="checkbox"
                  data-testid="settings-company"
                  data-company-id={c.id}
                  checked={followed.has(c.id)}
                  onChange={(e) => store.setFollowed(c.id, e.currentTarget.checked)}
                />
                <span>
                  {c.name} <span class="muted">{t(SYSTEM_LABEL[c.system])}</span>
                </span>
              </label>
            ))}
            {missing.map((id) => (
              <label class="check" key={id}>
                <input type="checkbox" data-testid="settings-company" data-company-id={id} checked onChange={(e) => store.setFollowed(id, e.currentTarget.checked)} />
                <span>
                  {id} <span class="muted">{t('optionsCompanyNotListed')}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </section>

        <div class="actions actions--save">
          <button type="submit" class="button button--primary" data-testid="settings-save" disabled={store.saving.value} aria-busy={store.saving.value}>
            {store.saving.value ? t('optionsSaving') : t('optionsSave')}
          </button>
          <NoticeLine notice={store.saveNotice.value} testId="settings-save-result" />
        </div>
      </form>
      {notifications && <NotificationsSection store={notifications} />}
    </main>
  );
}
