import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import courseSchema from '../../course/schema/course.schema.json' with { type: 'json' };
import organisationSchema from '../../course/schema/organisation.schema.json' with { type: 'json' };
import { moduleSchema } from '../questions/schema.ts';
import type { Diagnostic } from './diagnostics.ts';
import { describeValue, type ContentPath, type SourceFile } from './source-file.ts';

/**
 * Schema validation: checks a parsed content file against the JSON Schema that editors also use,
 * and turns every schema error into a plain-language diagnostic at the right line.
 */

const ajv = new Ajv({ allErrors: true, verbose: true, discriminator: true, strict: false });
const validators = {
  course: ajv.compile(courseSchema),
  // Its questions composed from the registered question types (src/questions/schema.ts).
  module: ajv.compile(moduleSchema()),
  organisation: ajv.compile(organisationSchema),
} as const satisfies Record<string, ValidateFunction>;

export type ContentKind = keyof typeof validators;

export interface SchemaResult {
  readonly diagnostics: readonly Diagnostic[];
  /**
   * True when every error leaves the data's shape as the linker expects it (an unknown key, a
   * number out of range, an id in the wrong form), so linking can go on and report its own
   * problems in the same run. False for a missing field or a wrong type.
   */
  readonly shapeIntact: boolean;
}

const SHAPE_BREAKING = new Set(['type', 'required', 'oneOf', 'discriminator', 'const']);

export function validateAgainstSchema(file: SourceFile, kind: ContentKind): SchemaResult {
  const validate = validators[kind];
  if (validate(file.data)) return { diagnostics: [], shapeIntact: true };
  const errors = pickRelevantErrors(validate.errors ?? []);
  return {
    diagnostics: errors.map((error) => toDiagnostic(file, error)),
    shapeIntact: errors.every((e) => !SHAPE_BREAKING.has(e.keyword)),
  };
}

/**
 * Where a value may take one of several shapes (`next: step-id` or a list of branches), Ajv reports
 * a failure for every shape. Keep only the errors of the shapes whose type fits the value, or one
 * error saying none fits.
 */
function pickRelevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const oneOf of errors.filter((e) => e.keyword === 'oneOf')) {
    const branchPrefix = `${oneOf.schemaPath}/`;
    const inBranch = (e: ErrorObject) => e.schemaPath.startsWith(branchPrefix);
    const branchOf = (e: ErrorObject) => e.schemaPath.slice(branchPrefix.length).split('/')[0];
    const misfits = new Set(
      errors
        .filter((e) => inBranch(e) && e.keyword === 'type' && e.instancePath === oneOf.instancePath)
        .map(branchOf),
    );
    const branchCount = Array.isArray(oneOf.schema) ? oneOf.schema.length : 0;
    const noneFits = misfits.size >= branchCount;
    kept = kept.filter((e) => {
      if (e === oneOf) return noneFits;
      if (!inBranch(e)) return true;
      return !noneFits && !misfits.has(branchOf(e));
    });
  }
  // An `if`/`else` (a module's `source:` is required unless its profile is local) fails as the
  // `else`'s own error, which says what is missing, plus "must match else": keep the first.
  return kept.filter((e) => e.keyword !== 'if');
}

function toDiagnostic(file: SourceFile, error: ErrorObject): Diagnostic {
  const path = pathOf(error.instancePath, file.data);
  const name = fieldName(path);
  const params = error.params as Record<string, unknown>;
  const make = (message: string, fix: string, at: ContentPath = path): Diagnostic =>
    file.diagnostic(at, message, fix);

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      return {
        ...make(`unknown key "${key}"`, ''),
        ...file.atKey(path, key),
        fix: `check the spelling, or remove it; allowed here: ${allowed.join(', ')}`,
      };
    }
    case 'required':
      return make(
        `missing required field "${String(params.missingProperty)}"${name ? ` in ${name}` : ''}`,
        path.length === 0 && params.missingProperty === 'source'
          ? 'add "source:" with the review the module is built on, or "profile: local" for a module of your own that is not built on one'
          : `add "${String(params.missingProperty)}:" here`,
      );
    case 'type':
      return make(
        `${name || 'the file'} should be ${article(String(params.type))}, but is ${describeValue(error.data)}`,
        typeFix(String(params.type)),
      );
    case 'oneOf':
      return make(
        `${name} has the wrong form: it is ${describeValue(error.data)}`,
        schemaDescription(error) ?? 'see docs/authoring.md for the forms this field takes',
      );
    case 'discriminator':
      return make(
        `${name || 'item'} has ${params.error === 'tag' ? 'no' : 'an unknown'} type${
          params.tagValue ? ` "${String(params.tagValue)}"` : ''
        }`,
        `set "type:" to one of: ${discriminatorTypes(error).join(', ')}`,
        params.error === 'tag' ? path : [...path, 'type'],
      );
    case 'const':
    case 'enum':
      return make(
        `${name} is ${describeValue(error.data)}, which is not allowed`,
        `use ${(params.allowedValues as unknown[] | undefined)?.join(', ') ?? String(params.allowedValue)}`,
      );
    case 'pattern':
      return make(
        `${name} ${describeValue(error.data)} is not in the expected form`,
        schemaDescription(error) ?? `it must match ${String(params.pattern)}`,
      );
    case 'minItems':
      return make(
        `${name} needs at least ${String(params.limit)} item(s)`,
        'add the missing items',
      );
    case 'maxItems':
      return make(`${name} has more than ${String(params.limit)} items`, 'remove or merge items');
    case 'minLength':
      return make(`${name} is empty`, 'write the text, or remove the field if it is optional');
    case 'maxLength':
      return make(
        `${name} is longer than ${String(params.limit)} characters`,
        'shorten it; long text belongs in a Markdown field',
      );
    case 'minimum':
    case 'maximum':
      return make(
        `${name} is ${String(error.data)}, but must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`,
        schemaDescription(error) ?? 'change the number',
      );
    case 'uniqueItems':
      return make(`${name} lists the same value twice`, 'remove the repeated value');
    default:
      return make(`${name || 'value'} ${error.message ?? 'is not valid'}`, 'see docs/authoring.md');
  }
}

/** JSON Pointer → content path, with list indexes as numbers. */
function pathOf(pointer: string, data: unknown): ContentPath {
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) ? Number(segment) : segment;
    path.push(key);
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

/** `steps[2].next` style name for a path, for messages. */
function fieldName(path: ContentPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    array: 'a list',
    object: 'a group of keys',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  return names[type] ?? type;
}

function typeFix(type: string): string {
  switch (type) {
    case 'array':
      return 'write a list: one item per line, each starting with "- "';
    case 'object':
      return 'write the keys indented under this one';
    case 'boolean':
      return 'write true or false';
    case 'integer':
    case 'number':
      return 'write a number without quotes or units';
    default:
      return 'write text; put it in quotes if it starts with a symbol or contains ": "';
  }
}

function schemaDescription(error: ErrorObject): string | undefined {
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  return description?.replace(/`/g, '"');
}

function discriminatorTypes(error: ErrorObject): string[] {
  const branches = (
    error.parentSchema as { oneOf?: { properties?: { type?: { const?: string } } }[] }
  )?.oneOf;
  return (branches ?? []).map((b) => b.properties?.type?.const ?? '?');
}
