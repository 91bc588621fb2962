import { getMetadataStorage, MetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';
import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';

// class-transformer's own store of @Type/@Transform/@Expose/@Exclude (its index does not re-export it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformerMetadataStorage;
};

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
/** A class as class-validator keys its metadata. */
type Target = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];

/** One check of a property: the constraint's own `validate` with the arguments class-validator passes. */
interface ConstraintCheck {
  metadata: ValidationMetadata;
  validate: (value: unknown, args: ValidationArguments) => unknown;
}

interface PropertyChecks {
  name: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  /** `@IsDefined()`: checked even where `skipMissingProperties` would skip the others. */
  defined: ConstraintCheck[];
  custom: ConstraintCheck[];
  nested: boolean;
  /**
   * The class class-transformer turns this property's value into (`@Type`), when it does nothing else
   * to it; null when it does more (another class-transformer decorator, a built-in or discriminated
   * type): `passesValidationAs` then answers false.
   */
  plainType: Target | null | undefined;
}

interface ClassChecks {
  properties: PropertyChecks[];
  known: Set<string>;
  /**
   * Whether `plainToInstance` of this class only copies a plain object's values (see passesValidationAs);
   * worked out on the first plain check, since it constructs an instance of the class.
   */
  plainCopy?: boolean;
}

const SUPPORTED = new Set<string>([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.WHITELIST,
]);

/** Per class: its checks, or null when it has something this shortcut does not handle (class-validator decides). */
const compiled = new Map<Target, ClassChecks | null>();

/**
 * Whether class-validator, run without groups, would accept `instance` exactly as it is: every
 * constraint holds and no property lacks metadata (so `whitelist` would strip nothing and
 * `forbidNonWhitelisted` refuse nothing). It runs the same constraint functions with the same
 * arguments, but reads each class's metadata once instead of on every object, which is most of
 * class-validator's cost on small objects (intake validates 500 articles per batch and every outgoing
 * message).
 *
 * `true` is only answered when class-validator would find no error; `false` means "let class-validator
 * decide" (an error, or something not handled here: async or promise constraints, unknown metadata), so
 * callers run it then, and it words the errors.
 */
export function passesValidation(instance: object): boolean {
  const ctor = (instance as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && checkObject(ctor, instance, false);
}

/**
 * Whether `passesValidation(plainToInstance(cls, plain))` would answer true, read from the plain object
 * itself (parsed JSON) without building the instances: nested objects are checked as the class their
 * `@Type` names. Valid only where class-transformer would merely copy the values into new instances (no
 * property initializers, no other class-transformer decorator, no built-in or discriminated `@Type`);
 * for any other class it answers false, so callers build the instances and ask `passesValidation`. The
 * outgoing messages of the claims pipeline (kilobytes of claims each) spent more in `plainToInstance`
 * than in their validation.
 */
export function passesValidationAs(cls: Target, plain: unknown): boolean {
  return isPlainObject(plain) && checkObject(cls, plain, true);
}

const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checksOf(ctor: Target): ClassChecks | null {
  let checks = compiled.get(ctor);
  if (checks === undefined) {
    checks = compile(ctor);
    compiled.set(ctor, checks);
  }
  return checks;
}

function checkObject(ctor: Target, object: object, plain: boolean): boolean {
  const checks = checksOf(ctor);
  if (checks === null) return false;
  if (plain) {
    checks.plainCopy ??=
      copiesPlainValues(ctor, checks.known) &&
      checks.properties.every((property) => property.plainType !== null);
    if (!checks.plainCopy) return false;
  }
  for (const key of Object.keys(object)) if (!checks.known.has(key)) return false;
  const record = object as Record<string, unknown>;
  for (const property of checks.properties) {
    if (!checkProperty(ctor, record, property, plain)) return false;
  }
  return true;
}

function checkProperty(
  ctor: Target,
  object: Record<string, unknown>,
  property: PropertyChecks,
  plain: boolean,
): boolean {
  const value = object[property.name];
  for (const condition of property.conditions) if (!condition(object, value)) return true;
  for (const check of property.defined) if (!runCheck(ctor, object, value, check)) return false;
  for (const check of property.custom) if (!runCheck(ctor, object, value, check)) return false;
  if (!property.nested) return true;
  if (!plain) return checkNested(value, undefined);
  // A nested value class-transformer leaves as a plain object: class-validator refuses it as unknown.
  return property.plainType ? checkNested(value, property.plainType) : value === undefined;
}

function runCheck(
  ctor: Target,
  object: object,
  value: unknown,
  { metadata, validate }: ConstraintCheck,
): boolean {
  if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
  const args: ValidationArguments = {
    targetName: (ctor as { name?: string }).name ?? '',
    property: metadata.propertyName,
    object,
    value,
    constraints: metadata.constraints,
  };
  if (metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map)) {
    const items: unknown[] = Array.isArray(value) ? value : [...value.values()];
    for (const item of items) if (!isTrue(validate(item, args))) return false;
    return true;
  }
  return isTrue(validate(value, args));
}

/** A promise (an async constraint) is not a pass here: class-validator decides. */
function isTrue(result: unknown): boolean {
  return Boolean(result) && !(result instanceof Promise);
}

/** A nested value: an instance of its own class, or (plainType) a plain object checked as that class. */
function checkNested(value: unknown, plainType: Target | undefined): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value) || (!plainType && (value instanceof Set || value instanceof Map))) {
    const items: unknown[] = Array.isArray(value) ? value : [...value.values()];
    for (const item of items) if (!checkNested(item, plainType)) return false;
    return true;
  }
  if (plainType) return isPlainObject(value) && checkObject(plainType, value, true);
  if (!(value instanceof Object)) return false;
  const ctor = (value as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && checkObject(ctor, value, false);
}

const BUILT_INS = new Set<unknown>([Date, String, Number, Boolean, Object, Array, Map, Set, Buffer, Promise]);

/**
 * The class class-transformer makes of a property's plain value, when that is all it does: null when the
 * property has another class-transformer decorator, or a `@Type` of a built-in or with a discriminator;
 * undefined without `@Type`.
 */
function plainTypeOf(ctor: Target, name: string): Target | null | undefined {
  const target = ctor as new () => unknown;
  if (
    defaultMetadataStorage.findTransformMetadatas(target, name, TransformationType.PLAIN_TO_CLASS).length >
      0 ||
    defaultMetadataStorage.findExcludeMetadata(target, name) ||
    defaultMetadataStorage.findExposeMetadata(target, name)
  )
    return null;
  const type = defaultMetadataStorage.findTypeMetadata(target, name);
  if (!type) return undefined;
  if (type.options?.discriminator) return null;
  const nested = type.typeFunction() as unknown;
  return typeof nested === 'function' && !BUILT_INS.has(nested) ? (nested as Target) : null;
}

/**
 * Whether plainToInstance(ctor, plain) only copies the values: no class-wide strategy, no initialized
 * property (declared fields are own properties set to undefined, which `passesValidation` reads as keys
 * of the instance: they must have metadata, as every key of the plain object must).
 */
function copiesPlainValues(ctor: Target, known: Set<string>): boolean {
  if (defaultMetadataStorage.getStrategy(ctor as new () => unknown) !== 'none') return false;
  try {
    const blank = new (ctor as new () => object)() as Record<string, unknown>;
    return Object.entries(blank).every(([key, value]) => value === undefined && known.has(key));
  } catch {
    return false;
  }
}

function compile(ctor: Target): ClassChecks | null {
  const storage = getMetadataStorage();
  // What class-validator's executor reads for an object of this class with default options.
  const metadatas = storage.getTargetValidationMetadatas(ctor, ctor.name, false, false, undefined);
  // No metadata: class-validator refuses it as an unknown value (forbidUnknownValues, on by default).
  if (metadatas.length === 0) return null;
  const byName = storage.groupByPropertyName(metadatas);
  const properties: PropertyChecks[] = [];
  for (const [name, list] of Object.entries(byName)) {
    const property: PropertyChecks = {
      name,
      conditions: [],
      defined: [],
      custom: [],
      nested: false,
      plainType: plainTypeOf(ctor, name),
    };
    for (const metadata of list) {
      if (!SUPPORTED.has(metadata.type)) return null;
      if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) {
        property.conditions.push(metadata.constraints[0] as (o: object, v: unknown) => boolean);
      } else if (metadata.type === ValidationTypes.NESTED_VALIDATION) {
        property.nested = true;
      } else if (
        metadata.type === ValidationTypes.CUSTOM_VALIDATION ||
        metadata.type === ValidationTypes.IS_DEFINED
      ) {
        for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
          if (constraint.async) return null;
          const instance = constraint.instance;
          const check = { metadata, validate: instance.validate.bind(instance) };
          (metadata.type === ValidationTypes.IS_DEFINED ? property.defined : property.custom).push(check);
        }
      }
    }
    properties.push(property);
  }
  return { properties, known: new Set(Object.keys(byName)) };
}
