import { Topic } from '../../topics';

export { Key } from './key';
export { Value } from './value';
export const topic = Topic.ArticlesIngested;
