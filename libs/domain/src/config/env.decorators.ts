import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';

/** Options shared by every env decorator. */
export interface EnvOptions {
  /** The variable may be absent and has no default (the field stays undefined). @default false */
  optional?: boolean;
}

const optionalIf = (options?: EnvOptions): PropertyDecorator[] => (options?.optional ? [IsOptional()] : []);

/** Keeps a non-numeric string as is so that the integer check reports it instead of NaN. */
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

const TRUE_WORDS = ['true', '1', 'yes', 'on'];
const FALSE_WORDS = ['false', '0', 'no', 'off'];
const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return value;
};

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0)
    : value;

/** A non-empty string. */
export const EnvString = (options?: EnvOptions) =>
  applyDecorators(...optionalIf(options), IsString(), IsNotEmpty({ message: '$property must not be empty' }));

/** A URL with one of the given schemes; host names without a dot (`postgres`, `kafka`) are allowed. */
export const EnvUrl = (protocols: string[], options?: EnvOptions) =>
  applyDecorators(
    ...optionalIf(options),
    IsUrl(
      { protocols, require_protocol: true, require_tld: false, allow_underscores: true },
      { message: `$property must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}` },
    ),
  );

/** An integer within [min, max]. */
export const EnvInt = (min: number, max: number, options?: EnvOptions) =>
  applyDecorators(
    ...optionalIf(options),
    Transform(toInteger),
    IsInt({ message: '$property must be an integer' }),
    Min(min, { message: `$property must be at least ${min}` }),
    Max(max, { message: `$property must be at most ${max}` }),
  );

/** A TCP port; 0 asks the system for a free one. */
export const EnvPort = (options?: EnvOptions) => EnvInt(0, 65535, options);

/** true/false, also 1/0, yes/no, on/off. */
export const EnvBoolean = (options?: EnvOptions) =>
  applyDecorators(
    ...optionalIf(options),
    Transform(toBoolean),
    IsBoolean({ message: '$property must be true or false' }),
  );

/** One of the given values. */
export const EnvEnum = (values: readonly string[], options?: EnvOptions) =>
  applyDecorators(
    ...optionalIf(options),
    IsIn(values, { message: `$property must be one of: ${values.join(', ')}` }),
  );

/** A comma-separated list of `host:port` addresses. */
export const EnvHostPortList = (options?: EnvOptions) =>
  applyDecorators(
    ...optionalIf(options),
    Transform(toList),
    ArrayNotEmpty({ message: '$property must list at least one host:port' }),
    Matches(/^[A-Za-z0-9_.-]+:\d{1,5}$/, {
      each: true,
      message: '$property must be a comma-separated list of host:port',
    }),
  );
