import { IsNotEmpty, IsString, IsUUID } from 'class-validator';
import { Topic } from '../../topics';
import { MessageEnvelope } from '../message-metadata';

export { Key } from './key';
export const topic = Topic.ClaimsExtracted;

/**
 * `claims.extracted` as read by consumers that only need to know which article changed (the indexer and
 * alerts read the claims from PostgreSQL): the same topic and message, of which only the envelope and
 * these fields are decoded and validated. Parsing the claims with class-transformer and class-validator
 * was most of the indexer's CPU time.
 */
export class Value extends MessageEnvelope {
  @IsUUID()
  articleId: string;

  @IsString()
  @IsNotEmpty()
  engineVersion: string;
}

export const fields: readonly string[] = ['articleId', 'engineVersion'];
