import { useState } from 'preact/hooks';
import { request } from '../api/http';
import type { ActivityBucket, Actor, TimelineItem, TimelinePage } from '../api/types';
import { CLAIM_STATUSES, CLAIM_TYPES, MODALITIES } from '../api/vocabulary';
import { ActivityChart } from '../components/activity-chart';
import { Badge, ClaimBadges, typeLabel } from '../components/badges';
import { ErrorBox } from '../components/error-box';
import { useAsync } from '../components/use-async';
import { Link, navigate } from '../router';

/** The timeline API's filters, kept in the page's query string so a view can be linked and reloaded. */
const FILTERS = [
  'counterpart',
  'types',
  'role',
  'status',
  'modality',
  'sanctions_relevant',
  'min_sources',
  'from',
  'to',
  'date_field',
  'as_of',
  'q',
] as const;

function filterQuery(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of FILTERS) {
    const values = query.getAll(name).filter(Boolean);
    if (values.length === 0) continue;
    out[name] = ['types', 'status', 'modality'].includes(name) ? values : values[0];
  }
  // datetime-local gives no zone: the analyst means UTC
  if (typeof out.as_of === 'string' && !/Z|[+-]\d\d:\d\d$/.test(out.as_of)) out.as_of = `${out.as_of}:00Z`;
  return out;
}

const monthOf = (item: TimelineItem) => (item.date ?? item.first_seen).slice(0, 7);
const monthTitle = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** An actor: activity chart, timeline filters, events newest first grouped by month. */
export function ActorView(props: { id: string; query: URLSearchParams }) {
  const filters = filterQuery(props.query);
  const key = JSON.stringify(filters);
  const [more, setMore] = useState<{ key: string; items: TimelineItem[]; cursor: string | null } | null>(
    null,
  );
  const timeline = useAsync(
    (signal) =>
      request<TimelinePage>('core', `/v1/actors/${encodeURIComponent(props.id)}/timeline`, {
        query: { ...filters, order: 'desc', limit: 50 },
        signal,
      }),
    [props.id, key],
  );
  const activity = useAsync(
    (signal) =>
      request<{ actor: Actor; months: ActivityBucket[] }>(
        'core',
        `/v1/actors/${encodeURIComponent(props.id)}/activity`,
        {
          query: { types: filters.types, from: filters.from, to: filters.to, date_field: filters.date_field },
          signal,
        },
      ),
    [props.id, key],
  );
  const extra = more && more.key === key ? more : null;
  const items = [...(timeline.data?.items ?? []), ...(extra?.items ?? [])];
  const cursor = extra ? extra.cursor : (timeline.data?.next_cursor ?? null);

  async function loadMore() {
    if (!cursor) return;
    const page = await request<TimelinePage>('core', `/v1/actors/${encodeURIComponent(props.id)}/timeline`, {
      query: { ...filters, order: 'desc', limit: 50, cursor },
    });
    setMore({ key, items: [...(extra?.items ?? []), ...page.items], cursor: page.next_cursor });
  }

  const groups: Array<[string, TimelineItem[]]> = [];
  for (const item of items) {
    const month = monthOf(item);
    const last = groups[groups.length - 1];
    if (last && last[0] === month) last[1].push(item);
    else groups.push([month, [item]]);
  }
  const actor = timeline.data?.actor ?? activity.data?.actor;

  return (
    <main id="main">
      <h1>{actor ? `${actor.name} (${actor.id})` : props.id}</h1>
      {actor ? (
        <p class="muted">
          {actor.kind}
          {actor.country && actor.country !== actor.id ? `, ${actor.country}` : ''}
        </p>
      ) : null}
      <ErrorBox error={timeline.error ?? activity.error} />
      <section aria-labelledby="activity-h">
        <h2 id="activity-h">Activity per month</h2>
        {activity.data ? <ActivityChart months={activity.data.months} /> : <p class="muted">Loading…</p>}
      </section>
      <FiltersForm key={props.query.toString()} id={props.id} query={props.query} />
      <section aria-labelledby="timeline-h" aria-busy={timeline.loading}>
        <h2 id="timeline-h">
          Timeline{' '}
          {timeline.data ? <span class="muted">({timeline.data.total} events, newest first)</span> : null}
        </h2>
        {timeline.data?.as_of ? <p class="note">As known on {timeline.data.as_of}</p> : null}
        {groups.map(([month, monthItems]) => (
          <section key={month} class="month" aria-label={monthTitle(month)}>
            <h3>{monthTitle(month)}</h3>
            <ol class="events">
              {monthItems.map((item) => (
                <li key={item.id}>
                  <EventCard item={item} />
                </li>
              ))}
            </ol>
          </section>
        ))}
        {timeline.data && items.length === 0 ? <p>No events match these filters.</p> : null}
        {cursor ? (
          <button type="button" onClick={loadMore}>
            Load older events
          </button>
        ) : null}
      </section>
    </main>
  );
}

export function EventCard(props: { item: TimelineItem }) {
  const item = props.item;
  return (
    <article class="event card" data-cluster={item.id} data-type={item.type}>
      <h4>
        <Link href={`/clusters/${item.id}`}>
          {typeLabel(item.type)}: {item.source ?? '?'} → {item.target ?? '?'}
        </Link>
      </h4>
      <p class="dates muted">
        {item.event_date_from
          ? `event ${item.event_date_from}${item.event_date_to && item.event_date_to !== item.event_date_from ? ` to ${item.event_date_to}` : ''}, `
          : ''}
        first seen {item.first_seen.slice(0, 10)}
      </p>
      <ClaimBadges
        status={item.status}
        modality={item.modality}
        contradicted={item.contradicted}
        sanctions={item.sanctions}
      />
      <span class="badges">
        <Badge kind="sources" label="independent sources" value={item.independent_source_count} />
        <Badge kind="count" label="articles" value={item.article_count} />
      </span>
      {item.items.length ? <p>Items: {item.items.join(', ')}</p> : null}
      {item.sanctions.instruments.length ? <p>Instrument: {item.sanctions.instruments.join(', ')}</p> : null}
      {item.claimants.length ? <p class="muted">Claimants: {item.claimants.join(', ')}</p> : null}
      {item.evidence[0] ? <blockquote class="evidence">{item.evidence[0]}</blockquote> : null}
    </article>
  );
}

function FiltersForm(props: { id: string; query: URLSearchParams }) {
  const q = props.query;
  function submit(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const params = new URLSearchParams();
    for (const [name, value] of data.entries())
      if (typeof value === 'string' && value) params.append(name, value);
    const text = params.toString();
    navigate(`/actors/${encodeURIComponent(props.id)}${text ? `?${text}` : ''}`);
  }
  const checked = (name: string, value: string) => q.getAll(name).includes(value);
  return (
    <details class="filters card" open={[...q.keys()].length > 0}>
      <summary>Filters</summary>
      <form onSubmit={submit} aria-label="Timeline filters">
        <div class="grid">
          <label>
            Counterpart actor id
            <input name="counterpart" defaultValue={q.get('counterpart') ?? ''} placeholder="RUS" />
          </label>
          <label>
            Role
            <select name="role" defaultValue={q.get('role') ?? 'any'}>
              <option value="any">any</option>
              <option value="source">source</option>
              <option value="target">target</option>
            </select>
          </label>
          <label>
            Minimum independent sources
            <input name="min_sources" type="number" min={1} defaultValue={q.get('min_sources') ?? ''} />
          </label>
          <label>
            Date field
            <select name="date_field" defaultValue={q.get('date_field') ?? 'event'}>
              <option value="event">event date</option>
              <option value="first_seen">first seen</option>
            </select>
          </label>
          <label>
            From
            <input name="from" type="date" defaultValue={q.get('from') ?? ''} />
          </label>
          <label>
            To
            <input name="to" type="date" defaultValue={q.get('to') ?? ''} />
          </label>
          <label>
            As of (UTC)
            <input name="as_of" type="datetime-local" defaultValue={q.get('as_of') ?? ''} />
          </label>
          <label>
            Text
            <input name="q" type="search" defaultValue={q.get('q') ?? ''} />
          </label>
          <label class="check">
            <input
              type="checkbox"
              name="sanctions_relevant"
              value="true"
              defaultChecked={q.get('sanctions_relevant') === 'true'}
            />
            Sanctions-relevant only
          </label>
        </div>
        <fieldset>
          <legend>Types</legend>
          {CLAIM_TYPES.map((t) => (
            <label class="check" key={t}>
              <input type="checkbox" name="types" value={t} defaultChecked={checked('types', t)} />{' '}
              {typeLabel(t)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Status</legend>
          {CLAIM_STATUSES.map((s) => (
            <label class="check" key={s}>
              <input type="checkbox" name="status" value={s} defaultChecked={checked('status', s)} /> {s}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Modality</legend>
          {MODALITIES.map((m) => (
            <label class="check" key={m}>
              <input type="checkbox" name="modality" value={m} defaultChecked={checked('modality', m)} /> {m}
            </label>
          ))}
        </fieldset>
        <button type="submit">Apply filters</button>{' '}
        <button type="button" onClick={() => navigate(`/actors/${encodeURIComponent(props.id)}`)}>
          Clear
        </button>
      </form>
    </details>
  );
}
