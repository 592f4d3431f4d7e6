import { html, nothing, type TemplateResult } from 'lit';
import { PREFERRED_TIMES } from '@mindflow/shared';
import { priorityLabel, PRIORITIES_BY_IMPORTANCE } from '../format/priority-label.ts';
import { repeatPreview, type FormField, type TaskForm } from '../forms/task-form.ts';

// The editor's inputs, kept apart from mf-task-editor's behaviour so each file reads at once.
// Each input names its errors through aria-describedby, and is marked aria-invalid.

interface FieldHost {
  setField(field: keyof TaskForm, value: string): void;
}

type Issues = Partial<Record<FormField, string[]>>;

function errorsOf(field: FormField, issues: Issues) {
  const messages = issues[field] ?? [];
  return messages.length === 0
    ? nothing
    : html`<div id="${field}-error">${messages.map((m) => html`<p class="error">${m}</p>`)}</div>`;
}

function a11y(field: FormField, issues: Issues) {
  const invalid = (issues[field]?.length ?? 0) > 0;
  return { invalid: invalid ? 'true' : 'false', describedBy: invalid ? `${field}-error` : '' };
}

function onValue(host: FieldHost, field: keyof TaskForm) {
  return (e: Event) =>
    host.setField(
      field,
      (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value,
    );
}

function textField(
  host: FieldHost,
  form: TaskForm,
  issues: Issues,
  field: 'title' | 'effort_minutes' | 'tags',
  label: string,
  extra: { type?: string; hint?: string } = {},
) {
  const { invalid, describedBy } = a11y(field, issues);
  return html`<div class="field">
    <label for=${field}>${label}</label>
    <input
      id=${field}
      type=${extra.type ?? 'text'}
      .value=${form[field]}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      placeholder=${extra.hint ?? ''}
      @input=${onValue(host, field)}
    />
    ${errorsOf(field, issues)}
  </div>`;
}

function selectField(
  host: FieldHost,
  form: TaskForm,
  issues: Issues,
  field: 'priority' | 'preferred_time',
  label: string,
  options: [string, string][],
) {
  const { invalid, describedBy } = a11y(field, issues);
  return html`<div class="field">
    <label for=${field}>${label}</label>
    <select
      id=${field}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      @change=${onValue(host, field)}
    >
      ${options.map(([value, text]) => html`<option value=${value} .selected=${form[field] === value}>${text}</option>`)}
    </select>
    ${errorsOf(field, issues)}
  </div>`;
}

function dueField(host: FieldHost, form: TaskForm, issues: Issues) {
  const { invalid, describedBy } = a11y('due', issues);
  return html`<fieldset class="field">
    <legend>Due</legend>
    <div class="pair">
      <input
        id="due_date"
        type="date"
        aria-label="Due date"
        .value=${form.due_date}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        @input=${onValue(host, 'due_date')}
      />
      <input
        id="due_time"
        type="time"
        aria-label="Due time (optional)"
        .value=${form.due_time}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        @input=${onValue(host, 'due_time')}
      />
    </div>
    ${errorsOf('due', issues)}
  </fieldset>`;
}

function repeatField(host: FieldHost, form: TaskForm, issues: Issues) {
  const { invalid, describedBy } = a11y('repeat', issues);
  const preview = repeatPreview(form.repeat);
  return html`<div class="field">
    <label for="repeat">Repeat</label>
    <input
      id="repeat"
      type="text"
      .value=${form.repeat}
      placeholder="every monday"
      aria-invalid=${invalid}
      aria-describedby=${`repeat-preview ${describedBy}`.trim()}
      @input=${onValue(host, 'repeat')}
    />
    <p id="repeat-preview" class=${preview.ok ? 'muted' : 'error'} aria-live="polite">
      ${preview.text}
    </p>
    ${errorsOf('repeat', issues)}
  </div>`;
}

function descriptionField(host: FieldHost, form: TaskForm, issues: Issues) {
  const { invalid, describedBy } = a11y('description', issues);
  return html`<div class="field">
    <label for="description">Notes</label>
    <textarea
      id="description"
      rows="3"
      .value=${form.description}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      @input=${onValue(host, 'description')}
    ></textarea>
    ${errorsOf('description', issues)}
  </div>`;
}

const PRIORITIES: [string, string][] = PRIORITIES_BY_IMPORTANCE.map((p) => [
  String(p),
  priorityLabel(p),
]);
const TIMES: [string, string][] = [
  ['', 'Any time'],
  ...PREFERRED_TIMES.map((t): [string, string] => [t, t[0]!.toUpperCase() + t.slice(1)]),
];

export function editorFields(host: FieldHost, form: TaskForm, issues: Issues): TemplateResult {
  return html`
    ${textField(host, form, issues, 'title', 'Title')}
    ${selectField(host, form, issues, 'priority', 'Priority', PRIORITIES)}
    ${dueField(host, form, issues)}
    ${textField(host, form, issues, 'effort_minutes', 'Effort (minutes)', { type: 'number', hint: '30' })}
    ${selectField(host, form, issues, 'preferred_time', 'Best time of day', TIMES)}
    ${textField(host, form, issues, 'tags', 'Tags', { hint: 'home, bills' })}
    ${repeatField(host, form, issues)} ${descriptionField(host, form, issues)}
  `;
}
