import { readFileSync } from 'fs';
import { dataPath } from '../data-path';
import { ActorMention, ArticleActor, CleanedArticle, Claim, Sentence } from '../model';
import { actorRegistry } from './actor-registry';
import { recognizeActors } from './recognize-actors';

/**
 * The actors of the article: those that act or are acted on. A state (or body, entity) is one
 * when at least one of its mentions (or one of its agencies', officials' or groups') has the
 * `actor` role (in the body or in the title), or when a claim has it as source, target or
 * claimant, unless the text names that party only as a border, a trip's end, a nationality, an
 * outlet's country or a dateline ("in China" stays possible: workers operating in China). Each
 * selected actor id is output with its mention count; agencies and people carry their `country`.
 */
interface SportSpec {
  terms: string[];
  minTerms: number;
}

let sport: { re: RegExp; loose: RegExp; minTerms: number } | null = null;

/** Whether the article is a sport story: at least `minTerms` different sport words (one regex, built once). */
function isSportStory(text: string): boolean {
  if (!sport) {
    const spec = (
      JSON.parse(readFileSync(dataPath('actors', 'context.json'), 'utf8')) as { sport: SportSpec }
    ).sport;
    const alt = spec.terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    sport = {
      // The terms are lower case and the text is lower-cased once: no case-insensitive matching,
      // which costs V8 several times more per character.
      re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt.toLowerCase()})(?![\\p{L}\\p{N}])`, 'gu'),
      // The terms anywhere, word boundaries aside: a superset, and about half the cost of a full scan.
      loose: new RegExp(`(?:${alt.toLowerCase()})`, 'u'),
      minTerms: spec.minTerms,
    };
  }
  // Most articles hold no sport term even inside another word (42 of the 44 dev articles): one quick test settles them.
  const lower = text.toLowerCase();
  if (!sport.loose.test(lower)) return false;
  const seen = new Set<string>();
  sport.re.lastIndex = 0;
  for (let m = sport.re.exec(lower); m; m = sport.re.exec(lower)) {
    seen.add(m[0]);
    if (seen.size >= sport.minTerms) return true;
  }
  return false;
}

export function selectArticleActors(
  mentions: ActorMention[],
  _sentences: Sentence[] = [],
  article?: CleanedArticle,
  claims: Claim[] = [],
): ArticleActor[] {
  const registry = actorRegistry();
  const selected = new Set<string>();
  // The headline is part of the article even where cleaning keeps it out of the body.
  const title = article?.title?.trim();
  const inTitle = title ? recognizeActors({ ...article, text: title } as CleanedArticle, []) : [];
  // National teams in a sport story are no states acting: there only claims make actors.
  const sporty = isSportStory(`${title ?? ''}\n${article?.text ?? ''}`);
  for (const m of sporty ? [] : [...mentions, ...inTitle])
    if ((m.role ?? 'actor') === 'actor' && registry.isEmitted(m.actorId))
      selected.add(registry.foldToCountry(m.actorId));
  // Claim parties: the text must not contradict them (named only as a border, a trip, a nationality...).
  const named = new Set<string>();
  const placed = new Set<string>();
  for (const m of mentions) {
    const key = registry.foldToCountry(m.actorId);
    named.add(key);
    if ((m.role ?? 'actor') === 'actor' || m.cue === 'in' || m.cue === 'travel') placed.add(key);
  }
  for (const c of claims)
    for (const id of [c.source, c.target, c.claimant]) {
      if (!id || (registry.has(id) && !registry.isEmitted(id))) continue;
      const key = registry.foldToCountry(id);
      if (!named.has(key) || placed.has(key)) selected.add(key);
    }

  const byId = new Map<string, { count: number; first: number }>();
  for (const m of mentions) {
    if (!registry.isEmitted(m.actorId) || !selected.has(registry.foldToCountry(m.actorId))) continue;
    const e = byId.get(m.actorId);
    if (e) e.count++;
    else byId.set(m.actorId, { count: 1, first: m.start });
  }
  // An actor named only in the headline counts its headline mentions; a claim party the text does
  // not name at all still appears, with no mention.
  const counted = new Set([...byId.keys()].map((id) => registry.foldToCountry(id)));
  for (const m of inTitle) {
    const key = registry.foldToCountry(m.actorId);
    if (counted.has(key) || !selected.has(key) || !registry.isEmitted(m.actorId)) continue;
    const e = byId.get(m.actorId);
    if (e) e.count++;
    else byId.set(m.actorId, { count: 1, first: -1 });
  }
  for (const m of inTitle) counted.add(registry.foldToCountry(m.actorId));
  for (const key of selected) if (!counted.has(key)) byId.set(key, { count: 0, first: Infinity });

  return [...byId.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .map(([id, { count }]) => {
      const r = registry.get(id);
      const actor: ArticleActor = { id, mentions: count };
      if (r) {
        actor.name = r.name;
        actor.kind = r.kind;
        if (r.country && r.country !== id) actor.country = r.country;
      }
      return actor;
    });
}
