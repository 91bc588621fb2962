/**
 * Base of the errors the domain raises on purpose. The stable `code` (`ARTICLE.INVALID_STATE`) is
 * what crosses process boundaries (logs, dead-letter headers, problem details): `instanceof` can't.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An argument breaks an invariant of the model. */
export class ArgumentInvalidError extends DomainError {
  readonly code = 'GENERIC.ARGUMENT_INVALID';
}

/** The entity asked for does not exist. */
export class NotFoundError extends DomainError {
  readonly code = 'GENERIC.NOT_FOUND';
}

/** The change conflicts with the current state (duplicate, stale version). */
export class ConflictError extends DomainError {
  readonly code = 'GENERIC.CONFLICT';
}
