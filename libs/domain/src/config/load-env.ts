import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';

/** One variable that failed validation. */
export interface EnvProblem {
  variable: string;
  messages: string[];
}

/** Thrown at boot when a variable is missing or invalid; the message names every such variable. */
export class InvalidEnvironmentError extends Error {
  readonly code = 'CONFIG.INVALID_ENVIRONMENT';

  constructor(readonly problems: EnvProblem[]) {
    super(
      `Invalid environment: ${problems.map((p) => `${p.variable} (${p.messages.join('; ')})`).join(', ')}`,
    );
    this.name = 'InvalidEnvironmentError';
  }
}

const toProblem = (error: ValidationError): EnvProblem => ({
  variable: error.property,
  messages: Object.values(error.constraints ?? { invalid: `${error.property} is invalid` }),
});

/**
 * Builds the typed config object of an app from environment variables and validates it.
 * Empty variables count as unset, so that `FOO=` falls back to the default; values are never echoed
 * because some variables (DATABASE_URL) carry credentials.
 */
export function loadEnv<T extends object>(
  envClass: ClassConstructor<T>,
  source: Record<string, string | undefined> = process.env,
): T {
  const present = Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => !!entry[1]?.trim()),
  );
  const env = plainToInstance(envClass, present);
  // whitelist drops the unrelated variables (PATH, HOME...) that plainToInstance copied over
  const errors = validateSync(env, { whitelist: true, forbidNonWhitelisted: false, stopAtFirstError: true });
  if (errors.length > 0) throw new InvalidEnvironmentError(errors.map(toProblem));
  return env;
}
