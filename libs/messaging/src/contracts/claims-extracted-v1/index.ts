import { Topic } from '../../topics';

export { ArticleActorDto, ClaimDto, EvidenceDto } from './value';
export { Key } from './key';
export { Value } from './value';
export const topic = Topic.ClaimsExtracted;
