import { getMetadataStorage, MetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';

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
}

interface ClassChecks {
  properties: PropertyChecks[];
  known: Set<string>;
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
  return checkObject(instance);
}

function checkObject(object: object): boolean {
  const ctor = (object as { constructor?: unknown }).constructor;
  if (typeof ctor !== 'function') return false;
  let checks = compiled.get(ctor);
  if (checks === undefined) {
    checks = compile(ctor);
    compiled.set(ctor, checks);
  }
  if (checks === null) return false;
  for (const key of Object.keys(object)) if (!checks.known.has(key)) return false;
  const record = object as Record<string, unknown>;
  for (const property of checks.properties) {
    if (!checkProperty(record, property)) return false;
  }
  return true;
}

function checkProperty(object: Record<string, unknown>, property: PropertyChecks): boolean {
  const value = object[property.name];
  for (const condition of property.conditions) if (!condition(object, value)) return true;
  for (const check of property.defined) if (!runCheck(object, value, check)) return false;
  for (const check of property.custom) if (!runCheck(object, value, check)) return false;
  return !property.nested || checkNested(value);
}

function runCheck(object: object, value: unknown, { metadata, validate }: ConstraintCheck): boolean {
  if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
  const args: ValidationArguments = {
    targetName: object.constructor ? object.constructor.name : '',
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

function checkNested(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value) || value instanceof Set || value instanceof Map) {
    const items: unknown[] = Array.isArray(value) ? value : [...value.values()];
    for (const item of items) if (!checkNested(item)) return false;
    return true;
  }
  return value instanceof Object && checkObject(value);
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
    const property: PropertyChecks = { name, conditions: [], defined: [], custom: [], nested: false };
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
