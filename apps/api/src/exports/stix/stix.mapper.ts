import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { ActorDto } from '../../timeline/dto/timeline.response.dto';
import type { ClaimSqlRow } from '../export.columns';

/** Namespace of every Sitrep STIX id (UUIDv5): the same actor or claim always gets the same id. */
export const SITREP_STIX_NAMESPACE = 'a152d100-4415-4b99-9d8d-6866ff820236';

/**
 * created/modified of actor identities: they describe entries of the actor registry, not events, and a
 * fixed date keeps each identity byte-identical across exports (importers see no spurious new version).
 */
export const IDENTITY_TIMESTAMP = '2026-01-01T00:00:00.000Z';

export type StixObject = Record<string, unknown> & { type: string; id: string };

/** A claim row with the first and last time its event (cluster) was seen. */
export interface StixClaimRow extends ClaimSqlRow {
  cluster_first_seen: string | null;
  cluster_last_seen: string | null;
}

const stixId = (type: string, name: string): string => `${type}--${uuidv5(name, SITREP_STIX_NAMESPACE)}`;

export const actorIdentityId = (actorId: string): string => stixId('identity', `actor:${actorId}`);
export const SITREP_IDENTITY_ID = stixId('identity', 'sitrep');

/** STIX timestamps: UTC with milliseconds, as `created`/`modified` require. */
const ts = (date: Date | string): string => new Date(date).toISOString();

/** Sitrep itself, the creator (`created_by_ref`) of every other object. */
export function sitrepIdentity(): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: SITREP_IDENTITY_ID,
    created: IDENTITY_TIMESTAMP,
    modified: IDENTITY_TIMESTAMP,
    name: 'Sitrep',
    description: 'Actors and claims extracted from multilingual news by Sitrep',
    identity_class: 'system',
  };
}

const IDENTITY_CLASSES: Record<string, string> = {
  state: 'organization',
  body: 'organization',
  agency: 'organization',
  company: 'organization',
  entity: 'organization',
  group: 'group',
  person: 'individual',
};

/** An actor as a STIX identity; an id the registry does not know keeps its id as its name. */
export function actorIdentity(actorId: string, actor: ActorDto | null): StixObject {
  const kind = actor?.kind ?? 'unknown';
  const government = kind === 'state' || kind === 'agency';
  return {
    type: 'identity',
    spec_version: '2.1',
    id: actorIdentityId(actorId),
    created_by_ref: SITREP_IDENTITY_ID,
    created: IDENTITY_TIMESTAMP,
    modified: IDENTITY_TIMESTAMP,
    name: actor?.name ?? actorId,
    identity_class: IDENTITY_CLASSES[kind] ?? 'unknown',
    ...(government ? { sectors: ['government-national'] } : {}),
    x_sitrep_actor_id: actorId,
    x_sitrep_kind: kind,
    ...(actor?.country ? { x_sitrep_country: actor.country } : {}),
  };
}

/** An event date of the engine (YYYY, YYYY-MM or YYYY-MM-DD) as the STIX timestamp of its start. */
export function eventStart(eventDate: string | null): string | null {
  const match = eventDate?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1)));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Custom properties: only present values (the schemas refuse empty lists). */
function sitrepProperties(row: StixClaimRow): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    x_sitrep_claim_id: row.id,
    x_sitrep_cluster_id: row.cluster_id,
    x_sitrep_type: row.type,
    x_sitrep_status: row.status,
    x_sitrep_modality: row.modality,
    x_sitrep_instrument: row.instrument,
    x_sitrep_claimant: row.claimant,
    x_sitrep_quantity: row.quantity,
    x_sitrep_event_date: row.event_date,
    x_sitrep_items: row.items?.length ? row.items : null,
    x_sitrep_sanctions_relevant: row.sanctions?.relevant ?? false,
    x_sitrep_sanctions_instruments: row.sanctions?.instruments?.length ? row.sanctions.instruments : null,
    x_sitrep_first_seen: row.cluster_first_seen ? ts(row.cluster_first_seen) : null,
    x_sitrep_last_seen: row.cluster_last_seen ? ts(row.cluster_last_seen) : null,
  };
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== null));
}

/** The source article of a claim. */
function articleReference(row: StixClaimRow): Record<string, unknown> {
  return {
    source_name: row.outlet ?? 'sitrep-article',
    ...(row.url ? { url: row.url } : {}),
    external_id: row.article_id,
    ...(row.title ? { description: row.title } : {}),
  };
}

/**
 * A claim between two actors as a `relationship` (source_ref -> target_ref); a claim with one party
 * only as a `report` about that party. Both carry the evidence sentence, the article as an external
 * reference, confidence 0-100 and `x_sitrep_*` properties.
 */
export function claimObject(row: StixClaimRow): StixObject {
  const common = {
    spec_version: '2.1',
    created_by_ref: SITREP_IDENTITY_ID,
    created: ts(row.recorded_at),
    modified: ts(row.superseded_at ?? row.recorded_at),
    description: row.evidence_text,
    confidence: Math.max(0, Math.min(100, Math.round(row.confidence * 100))),
    ...(row.language ? { lang: row.language } : {}),
    external_references: [articleReference(row)],
    ...(row.superseded_at ? { revoked: true } : {}),
  };
  if (row.source && row.target) {
    const start = eventStart(row.event_date);
    return {
      type: 'relationship',
      id: stixId('relationship', `claim:${row.id}`),
      ...common,
      relationship_type: row.type.replace(/_/g, '-'),
      source_ref: actorIdentityId(row.source),
      target_ref: actorIdentityId(row.target),
      ...(start ? { start_time: start } : {}),
      ...sitrepProperties(row),
    };
  }
  const party = (row.source ?? row.target) as string;
  return {
    type: 'report',
    id: stixId('report', `claim:${row.id}`),
    ...common,
    name: `${row.type.replace(/_/g, ' ')}: ${row.source ?? '?'} -> ${row.target ?? '?'}`,
    report_types: ['sitrep-claim'],
    published: ts(row.report_date),
    object_refs: [actorIdentityId(party)],
    ...sitrepProperties(row),
  };
}

/** The parties of a claim that need an identity in the bundle. */
export const partiesOf = (row: StixClaimRow): string[] =>
  [row.source, row.target].filter((party): party is string => !!party);

export const newBundleId = (): string => `bundle--${uuidv4()}`;
