/** One labelled filter <select> of the Sync Center: "all" first, then one option per value. */
export interface FilterChoice {
  value: string;
  label: string;
}

export function FilterSelect({ label, testId, allLabel, value, choices, onChange }: {
  label: string;
  testId: string;
  /** The first option, meaning "no filter" (value ''). */
  allLabel: string;
  value: string | null;
  choices: readonly FilterChoice[];
  /** null when "all" is chosen. */
  onChange: (value: string | null) => void;
}) {
  return (
    <label class="field">
      <span class="field__label">{label}</span>
      <select class="select" data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{allLabel}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
