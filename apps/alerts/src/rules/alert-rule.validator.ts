import { actorRegistry } from '@sitrep/extraction/actors';
import type { AlertRuleFilter } from '@sitrep/persistence/alerts';

/**
 * Why a rule could never match, or an empty list: unknown actor ids (checked against the extraction
 * engine's ActorRegistry) or an empty claim type list.
 */
export function reasonsRuleCannotMatch(filter: AlertRuleFilter): string[] {
  const registry = actorRegistry();
  const reasons: string[] = [];
  const ids = [
    ...(filter.actors_any ?? []),
    ...(filter.actors_all ?? []),
    ...(filter.counterpart ? [filter.counterpart] : []),
  ];
  for (const id of new Set(ids))
    if (!registry.has(id)) reasons.push(`unknown actor id '${id}': no claim can ever name it`);
  if (filter.claim_types && filter.claim_types.length === 0)
    reasons.push('claim_types is empty: omit it to match every type');
  if (filter.actors_any && filter.actors_any.length === 0)
    reasons.push('actors_any is empty: omit it to match any actor');
  if (filter.languages && filter.languages.length === 0)
    reasons.push('languages is empty: omit it to match every language');
  if (filter.keywords && filter.keywords.length === 0)
    reasons.push('keywords is empty: omit it to match any text');
  if (filter.min_modality === 'denied')
    reasons.push("min_modality 'denied' never matches: denials are not alerted");
  return reasons;
}
