import { useState } from 'preact/hooks';
import { ApiError, request } from '../api/http';
import { can, Session } from '../api/session';
import type { AlertRule } from '../api/types';
import { CLAIM_TYPES, MODALITIES } from '../api/vocabulary';
import { typeLabel } from '../components/badges';
import { ErrorBox } from '../components/error-box';
import { useAsync } from '../components/use-async';

interface RuleTestResult {
  checked: number;
  matches: Array<{ id: string; type: string; source: string | null; target: string | null }>;
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The form's fields as the alerts API's rule body (only what the analyst filled in). */
function ruleBody(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const filter: Record<string, unknown> = {};
  if (text('actors_any')) filter.actors_any = list(text('actors_any'));
  if (text('counterpart')) filter.counterpart = text('counterpart');
  const types = form.getAll('claim_types').map(String);
  if (types.length) filter.claim_types = types;
  if (form.get('sanctions_only')) filter.sanctions_only = true;
  if (text('min_modality')) filter.min_modality = text('min_modality');
  if (text('min_outlets')) filter.min_outlets = Number(text('min_outlets'));
  if (text('keywords')) filter.keywords = list(text('keywords'));
  const channel =
    text('channel_type') === 'webhook' ? { type: 'webhook', url: text('channel_url') } : { type: 'sse' };
  return { name: text('name'), filter, channel };
}

/** Which field a validation message is about: its first word ("filter.min_outlets must be…", "Unknown actor id …"). */
function fieldOf(message: string): string {
  const path = /^([a-z_]+(?:\.[a-z_]+)*)\b/.exec(message)?.[1] ?? '';
  const last = path.split('.').pop() ?? '';
  if (
    [
      'name',
      'actors_any',
      'counterpart',
      'claim_types',
      'min_modality',
      'min_outlets',
      'keywords',
      'url',
      'type',
    ].includes(last)
  )
    return last === 'url' || last === 'type' ? 'channel' : last;
  if (/actor/i.test(message)) return 'actors_any';
  return '';
}

/** Alert rules: list, create, edit and test (a dry run over recent events); keys without the alerts scope see none. */
export function RulesView(props: { session: Session | null }) {
  const editable = can(props.session, 'alerts');
  const rules = useAsync(
    (signal) =>
      editable
        ? request<{ items: AlertRule[] }>('alerts', '/v1/alert-rules', { signal })
        : Promise.resolve({ items: [] }),
    [editable],
  );
  const [editing, setEditing] = useState<AlertRule | null>(null);
  return (
    <main id="main">
      <h1>Alert rules</h1>
      <ErrorBox error={rules.error} />
      <ul class="rules">
        {rules.data?.items.map((rule) => (
          <li key={rule.id} class="card">
            <strong>{rule.name}</strong> <span class="muted">({rule.channel.type})</span>
            <pre class="filter">{JSON.stringify(rule.filter)}</pre>
            {editable ? (
              <button type="button" onClick={() => setEditing(rule)}>
                Edit “{rule.name}”
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <RuleForm
          key={editing?.id ?? 'new'}
          rule={editing}
          onSaved={() => (setEditing(null), rules.reload())}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p class="note">Your key cannot see or change alert rules (that needs the alerts scope).</p>
      )}
    </main>
  );
}

function RuleForm(props: { rule: AlertRule | null; onSaved: () => void; onCancel: () => void }) {
  const rule = props.rule;
  const f = (rule?.filter ?? {}) as Record<string, unknown>;
  const [messages, setMessages] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string>('');
  const [test, setTest] = useState<RuleTestResult | null>(null);

  function showProblem(e: unknown) {
    if (e instanceof ApiError && e.status === 400) {
      const byField: Record<string, string[]> = {};
      for (const m of e.errors.length ? e.errors : [e.detail]) (byField[fieldOf(m)] ??= []).push(m);
      setMessages(byField);
      setError(byField[''] ? new ApiError(400, e.title, byField[''].join('; '), byField['']) : null);
    } else setError(e);
  }

  async function save(form: HTMLFormElement) {
    setMessages({});
    setError(null);
    setStatus('');
    const body = ruleBody(new FormData(form));
    try {
      const saved = rule
        ? await request<AlertRule>('alerts', `/v1/alert-rules/${rule.id}`, { method: 'PATCH', body })
        : await request<AlertRule>('alerts', '/v1/alert-rules', { method: 'POST', body });
      setStatus(`Saved rule “${saved.name}”.`);
      props.onSaved();
    } catch (e) {
      showProblem(e);
    }
  }

  async function dryRun(form: HTMLFormElement) {
    setMessages({});
    setError(null);
    setTest(null);
    try {
      setTest(
        await request<RuleTestResult>('alerts', '/v1/alert-rules/test', {
          method: 'POST',
          body: ruleBody(new FormData(form)),
        }),
      );
    } catch (e) {
      showProblem(e);
    }
  }

  const fieldError = (name: string) =>
    messages[name] ? (
      <span class="field-error" id={`${name}-error`} role="alert">
        {messages[name].join('; ')}
      </span>
    ) : null;
  const described = (name: string) =>
    messages[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {};
  const types = (f.claim_types as string[] | undefined) ?? [];

  return (
    <form
      class="card rule-form"
      aria-labelledby="rule-form-h"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(e.target as HTMLFormElement);
      }}
    >
      <h2 id="rule-form-h">{rule ? `Edit “${rule.name}”` : 'New rule'}</h2>
      <div class="grid">
        <label>
          Name
          <input name="name" defaultValue={rule?.name ?? ''} {...described('name')} />
          {fieldError('name')}
        </label>
        <label>
          Any of these actors (ids, comma-separated)
          <input
            name="actors_any"
            defaultValue={((f.actors_any as string[]) ?? []).join(', ')}
            placeholder="PRK, RUS"
            {...described('actors_any')}
          />
          {fieldError('actors_any')}
        </label>
        <label>
          Counterpart
          <input
            name="counterpart"
            defaultValue={(f.counterpart as string) ?? ''}
            {...described('counterpart')}
          />
          {fieldError('counterpart')}
        </label>
        <label>
          Minimum modality
          <select
            name="min_modality"
            defaultValue={(f.min_modality as string) ?? ''}
            {...described('min_modality')}
          >
            <option value="">any</option>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          {fieldError('min_modality')}
        </label>
        <label>
          Minimum outlets
          <input
            name="min_outlets"
            type="number"
            defaultValue={f.min_outlets === undefined ? '' : String(f.min_outlets)}
            {...described('min_outlets')}
          />
          {fieldError('min_outlets')}
        </label>
        <label>
          Keywords (comma-separated)
          <input
            name="keywords"
            defaultValue={((f.keywords as string[]) ?? []).join(', ')}
            {...described('keywords')}
          />
          {fieldError('keywords')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="sanctions_only"
            value="true"
            defaultChecked={f.sanctions_only === true}
          />{' '}
          Sanctions-relevant only
        </label>
      </div>
      <fieldset {...described('claim_types')}>
        <legend>Claim types</legend>
        {CLAIM_TYPES.map((t) => (
          <label class="check" key={t}>
            <input type="checkbox" name="claim_types" value={t} defaultChecked={types.includes(t)} />{' '}
            {typeLabel(t)}
          </label>
        ))}
        {fieldError('claim_types')}
      </fieldset>
      <fieldset {...described('channel')}>
        <legend>Channel</legend>
        <label class="check">
          <input
            type="radio"
            name="channel_type"
            value="sse"
            defaultChecked={rule?.channel.type !== 'webhook'}
          />{' '}
          Live feed only
        </label>
        <label class="check">
          <input
            type="radio"
            name="channel_type"
            value="webhook"
            defaultChecked={rule?.channel.type === 'webhook'}
          />{' '}
          Webhook
        </label>
        <label>
          Webhook URL
          <input name="channel_url" type="url" defaultValue={rule?.channel.url ?? ''} />
        </label>
        {fieldError('channel')}
      </fieldset>
      <button type="submit">{rule ? 'Save changes' : 'Create rule'}</button>{' '}
      <button type="button" onClick={(e) => void dryRun((e.target as HTMLButtonElement).form!)}>
        Test against recent events
      </button>
      {rule ? (
        <>
          {' '}
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </>
      ) : null}
      <p role="status">{status}</p>
      <ErrorBox error={error} />
      {test ? (
        <section aria-live="polite">
          <h3>
            Would match {test.matches.length} of the {test.checked} most recent events
          </h3>
          <ul>
            {test.matches.map((m) => (
              <li key={m.id}>
                <a href={`/clusters/${m.id}`}>
                  {typeLabel(m.type)}: {m.source ?? '?'} → {m.target ?? '?'}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </form>
  );
}
