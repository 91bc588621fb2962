import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { passesValidation, passesValidationAs } from '@sitrep/domain/validation';
import { MessageContract, OutgoingMessage } from './message-contract';
import { MessageEnvelope } from './message-metadata';

/** A message that does not match its contract; `reason` lists every broken field. */
export class MessageValidationError extends Error {
  readonly code = 'MESSAGE.INVALID';

  constructor(readonly reason: string) {
    super(reason);
    this.name = 'MessageValidationError';
  }
}

/** Flattens nested class-validator errors to `path: message` lines. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

// Unknown fields are dropped, not refused: a producer may add an optional field without a new version.
const VALIDATION = { whitelist: true, forbidNonWhitelisted: false, forbidUnknownValues: true } as const;

function toValidInstance<T extends object>(cls: new () => T, plain: unknown, part: 'key' | 'value'): T {
  return checkedInstance(cls, plain, part).instance;
}

/** The instance, and whether it passed as it is (`exact`: validation stripped nothing from it). */
function checkedInstance<T extends object>(
  cls: new () => T,
  plain: unknown,
  part: 'key' | 'value',
): { instance: T; exact: boolean } {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new MessageValidationError(`${part}: must be a JSON object`);
  }
  const instance = plainToInstance(cls, plain);
  // Valid messages (nearly all) skip class-validator, which then only words the errors.
  if (passesValidation(instance)) return { instance, exact: true };
  const errors = validateSync(instance, VALIDATION);
  if (errors.length > 0) {
    throw new MessageValidationError(describeValidationErrors(errors, part).join('; '));
  }
  return { instance, exact: false };
}

function parseJson(bytes: Buffer | string | null, part: 'key' | 'value'): unknown {
  if (bytes === null || bytes.length === 0) throw new MessageValidationError(`${part}: missing`);
  try {
    return JSON.parse(bytes.toString());
  } catch {
    throw new MessageValidationError(`${part}: not valid JSON`);
  }
}

/** The envelope and the given fields of a parsed value (all of it without `fields`). */
function onlyFields(plain: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields || typeof plain !== 'object' || plain === null || Array.isArray(plain)) return plain;
  const source = plain as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of ['metadata', ...fields]) if (field in source) picked[field] = source[field];
  return picked;
}

/** Parses and validates a consumed message against its contract; the error names every broken field of key and value. */
export function decodeMessage<K extends object, V extends MessageEnvelope>(
  contract: MessageContract<K, V>,
  raw: { key: Buffer | string | null; value: Buffer | string | null },
): { key: K; value: V } {
  const reasons: string[] = [];
  const attempt = <T>(decode: () => T): T | undefined => {
    try {
      return decode();
    } catch (error) {
      if (!(error instanceof MessageValidationError)) throw error;
      reasons.push(error.reason);
      return undefined;
    }
  };
  const key = attempt(() => toValidInstance(contract.Key, parseJson(raw.key, 'key'), 'key'));
  const value = attempt(() =>
    toValidInstance(contract.Value, onlyFields(parseJson(raw.value, 'value'), contract.fields), 'value'),
  );
  if (!key || !value) throw new MessageValidationError(reasons.join('; '));
  return { key, value };
}

/** A validated message as the strings Kafka (or the outbox, as jsonb) stores. */
export interface EncodedMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Validates a message against its contract before it leaves, and serialises it. What is validated is
 * the message's JSON form, i.e. exactly what consumers will read (a `Date` is checked as the ISO
 * string it becomes); the JSON round trips replace class-transformer's `instanceToPlain`, which cost
 * more than the validation itself on the intake path. The value stays text: the outbox casts it to
 * jsonb in PostgreSQL rather than have the driver stringify a parsed copy again.
 */
export function encodeMessage<K extends object, V extends MessageEnvelope>(
  contract: MessageContract<K, V>,
  message: OutgoingMessage<K, V>,
): EncodedMessage {
  const key = encodePart(contract.Key, message.key, 'key');
  const { instance: value, json: valueJson } = encodePart(contract.Value, message.value, 'value');
  return {
    key: key.json,
    value: valueJson,
    headers: {
      ...message.headers,
      'content-type': 'application/json',
      'message-id': value.metadata.id,
      'correlation-id': value.metadata.correlationId,
      'causation-id': value.metadata.causationId,
    },
  };
}

/**
 * A message part validated in its JSON form, and that JSON. When the part passes as it is, the JSON it
 * was parsed from is what is sent (a value of the claims pipeline is kilobytes: serialising it a third
 * time cost as much as a parse), and the parsed JSON is checked as it is (`passesValidationAs`: building
 * the contract's instances with class-transformer cost the extractor more than the validation, ~5% of
 * its CPU); otherwise the instances are built, and when validation stripped fields the contract does not
 * know, the stripped instance is serialised instead.
 */
function encodePart<T extends object>(
  cls: new () => T,
  part: unknown,
  name: 'key' | 'value',
): { instance: T; json: string } {
  const json = JSON.stringify(part);
  const plain: unknown = json === undefined ? undefined : JSON.parse(json);
  if (passesValidationAs(cls, plain)) return { instance: plain as T, json };
  const { instance, exact } = checkedInstance(cls, plain, name);
  return { instance, json: exact ? json : JSON.stringify(instance) };
}
