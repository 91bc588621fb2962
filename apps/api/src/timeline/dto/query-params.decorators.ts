import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';

/** `a,b` or `?x=a&x=b` -> ['a', 'b']. */
const toList = ({ value }: { value: unknown }): unknown => {
  const values = Array.isArray(value) ? value : [value];
  return values
    .flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
    .map((item) => (typeof item === 'string' ? item.trim() : item))
    .filter((item) => item !== '');
};

/** An optional list of allowed values, comma-separated or repeated. */
export const QueryList = (allowed: readonly string[], description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description: `${description} (comma-separated)`, enum: allowed, isArray: true }),
    IsOptional(),
    Transform(toList),
    IsArray(),
    ArrayMaxSize(allowed.length),
    IsIn(allowed, { each: true }),
  );

/** An optional list of free values, comma-separated or repeated. */
export const QueryStrings = (description: string, max = 20) =>
  applyDecorators(
    ApiPropertyOptional({ description: `${description} (comma-separated)`, type: [String] }),
    IsOptional(),
    Transform(toList),
    IsArray(),
    ArrayMaxSize(max),
  );

/** `true`/`false` query flags. */
export const toBooleanFlag = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
