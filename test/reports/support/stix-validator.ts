import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMAS = join(__dirname, '..', 'fixtures', 'stix2.1-schemas');
const TYPES: Record<string, string> = {
  identity: 'sdos/identity.json',
  relationship: 'sros/relationship.json',
  report: 'sdos/report.json',
};

export interface StixBundle {
  type: string;
  id: string;
  objects: Array<Record<string, unknown> & { type: string; id: string }>;
}

/**
 * Validates a bundle with the vendored STIX 2.1 JSON schemas: the envelope as `common/bundle.json` defines
 * it, and every object against the schema of its type. Returns the errors (none when valid).
 */
export function stixValidator(): (bundle: StixBundle) => string[] {
  // The schemas escape a hyphen (`\-`) that Unicode-mode regular expressions refuse.
  const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  for (const folder of ['common', 'sdos', 'sros']) {
    for (const file of readdirSync(join(SCHEMAS, folder))) {
      ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, folder, file), 'utf8')));
    }
  }
  for (const [type, file] of Object.entries(TYPES)) {
    const { $id } = JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as { $id: string };
    validators.set(type, ajv.getSchema($id) as ValidateFunction);
  }
  return (bundle) => {
    const errors: string[] = [];
    if (bundle.type !== 'bundle') errors.push('type must be bundle');
    if (
      !/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(bundle.id)
    ) {
      errors.push(`bad bundle id ${bundle.id}`);
    }
    if (!Array.isArray(bundle.objects) || bundle.objects.length === 0)
      errors.push('objects must not be empty');
    for (const [index, object] of (bundle.objects ?? []).entries()) {
      const type = object.type;
      const validate = validators.get(type);
      if (!validate) {
        errors.push(`/objects/${index}: no schema for type ${type}`);
      } else if (!validate(object)) {
        for (const error of validate.errors ?? []) {
          errors.push(`/objects/${index} (${type}) ${error.instancePath} ${error.message}`);
        }
      }
    }
    return errors;
  };
}
