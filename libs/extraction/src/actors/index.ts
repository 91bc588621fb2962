export { ActorRegistry, actorRegistry } from './actor-registry';
export type { AliasEntry, AliasRule, CaseMode, ExclusionKind, RegistryRecord } from './actor-registry';
export { effectiveLanguage, recognizeActors } from './recognize-actors';
export { selectArticleActors } from './select-article-actors';
