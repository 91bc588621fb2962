import { Topic } from '../../topics';

export { ArticleActorDto, ClaimDto, EvidenceDto } from './value';
export { Key } from './key';
export { Value } from './value';
export const topic = Topic.ClaimsExtracted;
/** The same messages, decoded for consumers that read only the article id (see notice.ts). */
export * as Notice from './notice';
