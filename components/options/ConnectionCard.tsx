/**
 * One sync service on the options page: name, address, token, Test connection, the companies it
 * follows, and Remove (asked in the page, applied on Save). Names from the user and the service
 * are rendered as text.
 */
import { formatCount } from '@/lib/format/amount';
import { t } from '@/lib/i18n/t';
import { draftName, fieldId, type ConnectionDraft } from './connection-draft';
import { NoticeLine } from './NoticeLine';
import type { OptionsStore } from './store';

const SYSTEM_LABEL = { qbo: 'systemQbo', qbd: 'systemQbd' } as const;

export function ConnectionCard({ draft, store, removable }: { draft: ConnectionDraft; store: OptionsStore; removable: boolean }) {
  const name = draftName(draft);
  const removal = draft.removal.value;
  const headingId = fieldId.heading(draft.id);

  return (
    <section class={`card connection${removal === 'pending' ? ' connection--removed' : ''}`} data-testid="connection-card" data-connection-id={draft.id} aria-labelledby={headingId}>
      <h2 id={headingId} class="connection__heading">
        <span data-testid="connection-name">{name}</span>
        {!draft.stored && <span class="connection__tag">{t('optionsSvcNotSavedYet')}</span>}
      </h2>
      {removal === 'pending' ? <RemovedNote draft={draft} store={store} name={name} /> : <ConnectionFields draft={draft} store={store} />}
      {removal === 'none' && removable && (
        <div class="actions actions--end">
          <button
            type="button"
            id={fieldId.remove(draft.id)}
            class="button button--small"
            data-testid="remove-connection"
            aria-label={t('optionsSvcRemoveNamed', name)}
            onClick={() => store.askRemove(draft)}
          >
            {t('optionsSvcRemove')}
          </button>
        </div>
      )}
      {removal === 'confirming' && <RemoveQuestion draft={draft} store={store} name={name} />}
    </section>
  );
}

function ConnectionFields({ draft, store }: { draft: ConnectionDraft; store: OptionsStore }) {
  const urlError = draft.urlError.value;
  const id = draft.id;
  const urlHelpId = `${fieldId.apiUrl(id)}-help`;
  const urlErrorId = `${fieldId.apiUrl(id)}-error`;
  const tokenHelpId = `${fieldId.token(id)}-help`;
  const nameHelpId = `${fieldId.name(id)}-help`;
  return (
    <>
      <div class="field">
        <label for={fieldId.name(id)}>{t('optionsSvcNameLabel')}</label>
        <input
          id={fieldId.name(id)}
          class="input"
          data-testid="settings-name"
          type="text"
          autoComplete="off"
          maxLength={80}
          value={draft.name.value}
          onInput={(e) => (draft.name.value = e.currentTarget.value)}
          aria-describedby={nameHelpId}
        />
        <p id={nameHelpId} class="field__help">
          {t('optionsSvcNameHelp')}
        </p>
      </div>
      <div class="field">
        <label for={fieldId.apiUrl(id)}>{t('optionsApiUrlLabel')}</label>
        <input
          id={fieldId.apiUrl(id)}
          class={`input${urlError ? ' input--invalid' : ''}`}
          data-testid="settings-api-url"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          placeholder={t('optionsApiUrlPlaceholder')}
          value={draft.apiUrl.value}
          onInput={(e) => (draft.apiUrl.value = e.currentTarget.value)}
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? urlErrorId : urlHelpId}
        />
        {urlError ? (
          <p id={urlErrorId} class="field__error" data-testid="settings-url-error" role="alert">
            {urlError}
          </p>
        ) : (
          <p id={urlHelpId} class="field__help">
            {t('optionsApiUrlHelp')}
          </p>
        )}
      </div>
      <div class="field">
        <label for={fieldId.token(id)}>{t('optionsTokenLabel')}</label>
        <input
          id={fieldId.token(id)}
          class="input"
          data-testid="settings-token"
          type="password"
          autoComplete="off"
          placeholder={draft.hasToken.value ? t('optionsTokenPlaceholderSaved') : t('optionsTokenPlaceholder')}
          value={draft.token.value}
          onInput={(e) => (draft.token.value = e.currentTarget.value)}
          aria-describedby={tokenHelpId}
        />
        <p id={tokenHelpId} class="field__help">
          {draft.hasToken.value ? t('optionsTokenHelpSaved') : t('optionsTokenHelp')}
        </p>
      </div>
      <div class="actions">
        <button
          type="button"
          class="button"
          data-testid="settings-test"
          disabled={draft.testing.value}
          aria-busy={draft.testing.value}
          onClick={() => void store.test(draft)}
        >
          {draft.testing.value ? t('optionsTesting') : t('optionsTest')}
        </button>
        <NoticeLine notice={draft.testNotice.value} testId="settings-test-result" />
      </div>
      <FollowedCompanies draft={draft} store={store} />
    </>
  );
}

function FollowedCompanies({ draft, store }: { draft: ConnectionDraft; store: OptionsStore }) {
  const companies = draft.companies.value;
  const followed = draft.followed.value;
  const known = new Set(companies.map((c) => c.id));
  // A followed company the service no longer lists stays visible, so it can be unchecked.
  const missing = [...followed].filter((id) => !known.has(id));
  return (
    <fieldset class="companies" data-testid="settings-companies">
      <legend>
        <h3>{t('optionsCompaniesHeading')}</h3>
      </legend>
      <p class="field__help" data-testid="settings-companies-hint">
        {followed.size === 0
          ? t('optionsCompaniesAll')
          : followed.size === 1
            ? t('optionsCompaniesFollowingOne')
            : t('optionsCompaniesFollowingMany', formatCount(followed.size))}
      </p>
      {companies.length === 0 && missing.length === 0 && <p class="muted">{t('optionsCompaniesLoadHint')}</p>}
      {companies.map((c) => (
        <label class="check" key={c.id}>
          <input
            type="checkbox"
            data-testid="settings-company"
            data-company-id={c.id}
            checked={followed.has(c.id)}
            onChange={(e) => store.setFollowed(draft, c.id, e.currentTarget.checked)}
          />
          <span>
            {c.name} <span class="muted">{t(SYSTEM_LABEL[c.system])}</span>
          </span>
        </label>
      ))}
      {missing.map((id) => (
        <label class="check" key={`missing-${id}`}>
          <input type="checkbox" data-testid="settings-company" data-company-id={id} checked onChange={(e) => store.setFollowed(draft, id, e.currentTarget.checked)} />
          <span>
            {id} <span class="muted">{t('optionsCompanyNotListed')}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function RemoveQuestion({ draft, store, name }: { draft: ConnectionDraft; store: OptionsStore; name: string }) {
  const questionId = `${fieldId.confirm(draft.id)}-question`;
  return (
    <div class="panel panel--warn connection__confirm" role="group" aria-labelledby={questionId} data-testid="remove-question">
      <p id={questionId}>{t('optionsSvcRemoveQuestion', name)}</p>
      <div class="actions">
        <button
          type="button"
          id={fieldId.confirm(draft.id)}
          class="button button--small button--danger"
          data-testid="confirm-remove"
          aria-label={t('optionsSvcRemoveConfirmNamed', name)}
          onClick={() => store.confirmRemove(draft)}
        >
          {t('optionsSvcRemoveConfirm')}
        </button>
        <button
          type="button"
          class="button button--small"
          data-testid="cancel-remove"
          aria-label={t('optionsSvcRemoveCancelNamed', name)}
          onClick={() => store.cancelRemove(draft)}
        >
          {t('optionsSvcRemoveCancel')}
        </button>
      </div>
    </div>
  );
}

function RemovedNote({ draft, store, name }: { draft: ConnectionDraft; store: OptionsStore; name: string }) {
  return (
    <div class="actions" data-testid="removed-note">
      <p class="muted">{t('optionsSvcRemovedNote', name)}</p>
      <button
        type="button"
        id={fieldId.undo(draft.id)}
        class="button button--small"
        data-testid="undo-remove"
        aria-label={t('optionsSvcUndoNamed', name)}
        onClick={() => store.cancelRemove(draft)}
      >
        {t('optionsSvcUndo')}
      </button>
    </div>
  );
}
