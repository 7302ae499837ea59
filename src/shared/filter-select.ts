import { html, nothing, type TemplateResult } from 'lit';

/**
 * A labelled select of `values` after an "all" choice (the empty value), as <event-list>'s and <event-map>'s filters
 * show them; left out when there is no choice. A value chosen earlier that the list no longer has stays offered.
 */
export function renderSelect(
  label: string,
  all: string,
  value: string,
  values: string[],
  text: (value: string) => string,
  set: (value: string) => void,
): TemplateResult | typeof nothing {
  if (value && !values.includes(value)) values.push(value);
  if (values.length < 2 && !value) return nothing;
  return html`<label class="field">
    <span>${label}</span>
    <select @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!value}>${all}</option>
      ${values.map((v) => html`<option value=${v} ?selected=${v === value}>${text(v)}</option>`)}
    </select>
  </label>`;
}
