import { BadRequestException } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { passesValidation } from '@sitrep/domain/validation';

/** Flattens nested errors to "articles.3.url must be a URL address" (the field path comes first). */
export function validationMessages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(`${error.property} `)
        ? `${path}${message.slice(error.property.length)}`
        : `${path}: ${message}`,
    );
    return [...own, ...validationMessages(error.children ?? [], `${path}.`)];
  });
}

/** plainToInstance + validate; unknown fields and invalid values are a 400 naming each field. */
export async function validateDto<T extends object>(cls: ClassConstructor<T>, plain: unknown): Promise<T> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new BadRequestException({ message: ['body must be a JSON object'] });
  }
  const instance = plainToInstance(cls, plain);
  // The common case, a valid body, without class-validator's per-object metadata lookups.
  if (passesValidation(instance)) return instance;
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new BadRequestException({ message: validationMessages(errors) });
  return instance;
}
