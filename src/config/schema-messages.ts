import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../errors.js';
import { isUnquotedNumber, sourceText, type YamlSource } from './load-yaml.js';
import { describePath, fromPointer, type Path } from './path.js';
import { diagnosticAt } from './source.js';
import { didYouMean } from './suggest.js';

/** What a schema pattern asks for, in words; keyed by the pattern text in the schema. */
const PATTERN_HINTS: Record<string, string> = {
  '^[a-z]{2,}(?:-[a-z]+)+-[0-9]+$': 'an AWS region such as eu-west-1',
  '^[0-9]{12}$': 'a quoted string of 12 digits',
  '^sha256:[0-9a-f]{64}$': 'a digest: sha256: followed by 64 lowercase hex digits',
  '^[0-9a-zA-Z._*-]{1,128}$': "1 to 128 of letters, digits, '.', '_', '-' and '*'",
  '^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$': "an image tag: up to 128 letters, digits, '_', '.', '-', not starting with '.' or '-'",
  '^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$': 'an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)',
  '^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:ecr-pullthroughcache/[a-zA-Z0-9/_+=.@-]+$':
    'a Secrets Manager secret ARN whose name starts with ecr-pullthroughcache/',
  '^[a-z0-9*](?:[._/a-z0-9*-]?[a-z0-9*]+)*$': "a wildcard filter of lowercase letters, digits, '.', '_', '-', '/' and '*', such as prod/*",
  '^(?:[a-z0-9]+(?:[._-][a-z0-9]*)*/)*[a-z0-9]*(?:[._-][a-z0-9]*)*$':
    "a repository name prefix of lowercase letters, digits, '.', '_', '-' and '/', such as team-a/",
  '^(?:ROOT|(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)$':
    "ROOT or a prefix of lowercase letters and digits joined by '.', '_', '-' and '/'",
  '^arn:aws[a-z0-9-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+$': "the key's full ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)",
  // The next three are ECR's own patterns (botocore's service model), so the schema refuses exactly what ECR would.
  '^arn:aws(-[a-z]+)*:signer:[a-z0-9-]+:[0-9]{12}:\\/signing-profiles\\/[a-zA-Z0-9_]{2,}$':
    "a Signer signing profile ARN (arn:aws:signer:REGION:ACCOUNT:/signing-profiles/NAME, the name 2 or more letters, digits or '_')",
  '^(?:[a-z0-9*]+(?:[._-][a-z0-9*]+)*/)*[a-z0-9*]+(?:[._-][a-z0-9*]+)*$':
    "a repository name in which * matches anything, such as prod/* or *prod* (lowercase letters, digits, '*', joined by '.', '_', '-' and '/')",
  '^arn:aws(-[a-z]+)*:iam::[0-9]{12}:(role|user)/[\\w+=,.@-]+(/[\\w+=,.@-]+)*$':
    'an IAM role or user ARN (arn:aws:iam::ACCOUNT:role/NAME or arn:aws:iam::ACCOUNT:user/NAME)',
};

/** Why a pattern holds, where that is not plain from the hint; said after the value. */
const PATTERN_REASONS: Record<string, string> = {
  '^arn:aws[a-z0-9-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+$':
    'ECR returns the ARN, so an alias or key id would show a change (a replace of the repository) on every plan',
};

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  null: 'empty',
};

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

function where(path: Path): string {
  return path.length === 0 ? 'the file' : describePath(path);
}

type Translated = { path: Path; message: string; target: 'key' | 'value' };

function translateType(src: YamlSource, path: Path, e: ErrorObject): Translated | undefined {
  const expected = ([] as string[]).concat(e.params.type as string | string[]);
  if (path.length === 0 && (e.data === null || e.data === undefined)) {
    return { path, target: 'value', message: 'the file is empty; it needs at least "version: 1"' };
  }
  const words = expected.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
  let message = `${where(path)} must be ${words}, not ${describeValue(e.data)}`;
  if (expected.includes('string') && isUnquotedNumber(src, path)) {
    if (describePath(path) === 'registry.accountId') return undefined; // load-yaml says "quote it" for this one
    message = `${where(path)} must be a string: quote it, "${sourceText(src, path) ?? String(e.data)}"`;
  }
  return { path, target: 'value', message };
}

function translateOne(src: YamlSource, e: ErrorObject): Translated | undefined {
  const path = fromPointer(e.instancePath, src.value);
  const here = where(path);
  const parent = e.parentSchema ?? {};
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      if (key === '<<') {
        return { path: [...path, key], target: 'key', message: 'YAML merge keys ("<<") are not supported; put shared settings under "defaults" or write them out' };
      }
      const allowed = Object.keys((parent.properties as Record<string, unknown> | undefined) ?? {});
      const hint = didYouMean(key, allowed) || `; expected one of: ${allowed.join(', ')}`;
      const under = path.length === 0 ? 'at the top level' : `under ${describePath(path)}`;
      return { path: [...path, key], target: 'key', message: `unknown key "${key}" ${under}${hint}` };
    }
    case 'required':
      return { path, target: 'value', message: `missing required key "${String(e.params.missingProperty)}" in ${here}` };
    case 'type':
      return translateType(src, path, e);
    case 'enum': {
      const allowed = (e.schema as unknown[]).map(String);
      const got = typeof e.data === 'string' ? didYouMean(e.data, allowed) : '';
      return { path, target: 'value', message: `${here} must be one of ${allowed.join(', ')}, not ${describeValue(e.data)}${got}` };
    }
    case 'const':
      return { path, target: 'value', message: `${here} must be ${JSON.stringify(e.schema)}, not ${describeValue(e.data)}` };
    case 'pattern': {
      const hint = PATTERN_HINTS[String(e.schema)] ?? `text matching ${String(e.schema)}`;
      const reason = PATTERN_REASONS[String(e.schema)];
      return { path, target: 'value', message: `${here} must be ${hint}, not ${describeValue(e.data)}${reason ? `: ${reason}` : ''}` };
    }
    case 'minLength':
    case 'maxLength': {
      const bound = e.keyword === 'minLength' ? 'at least' : 'at most';
      const length = typeof e.data === 'string' ? e.data.length : 0;
      if (e.keyword === 'minLength' && e.schema === 1) return { path, target: 'value', message: `${here} must not be empty` };
      return { path, target: 'value', message: `${here} must be ${bound} ${String(e.schema)} characters long (it is ${length})` };
    }
    case 'minItems':
    case 'maxItems': {
      const bound = e.keyword === 'minItems' ? 'at least' : 'at most';
      const count = Array.isArray(e.data) ? e.data.length : 0;
      return { path, target: 'value', message: `${here} must have ${bound} ${String(e.schema)} item(s) (it has ${count})` };
    }
    case 'uniqueItems': {
      const later = Math.max(Number(e.params.i), Number(e.params.j));
      const item = Array.isArray(e.data) ? e.data[later] : undefined;
      return { path: [...path, later], target: 'value', message: `${here} lists ${JSON.stringify(item)} twice; remove one` };
    }
    default:
      return { path, target: 'value', message: `${here} ${e.message ?? 'is invalid'}` };
  }
}

/** Kinds of map keys whose names the schema checks through propertyNames. */
const NAME_KINDS: Record<string, string> = {
  repositories: 'repository name',
  pullThroughCache: 'pull-through cache prefix',
  creationTemplates: 'creation template prefix',
  images: 'image tag',
  accountSettings: 'account setting name',
};

/** One diagnostic per bad map key, however many of its constraints fail. */
function translateNames(src: YamlSource, errors: ErrorObject[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    if (e.propertyName === undefined) continue;
    const path = fromPointer(e.instancePath, src.value);
    const id = `${e.instancePath}\0${e.propertyName}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const kind = NAME_KINDS[String(path[path.length - 1])] ?? 'key';
    const rule = String(e.parentSchema?.description ?? e.message ?? '');
    out.push(diagnosticAt(src, [...path, e.propertyName], `invalid ${kind} "${e.propertyName}" under ${where(path)}. ${rule}`, 'key'));
  }
  return out;
}

/**
 * anyOf errors list every branch's failures. When the value's type fits exactly one
 * branch, that branch's errors say what to change; otherwise name the branches.
 */
function foldAnyOf(errors: ErrorObject[]): { kept: ErrorObject[]; summaries: Array<{ error: ErrorObject; titles: string[] }> } {
  let kept = [...errors];
  const summaries: Array<{ error: ErrorObject; titles: string[] }> = [];
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const prefix = `${anyOf.schemaPath}/`;
    const at = anyOf.instancePath;
    // The same anyOf (a $ref'd definition) fails at several places: take only this place's errors.
    const belongs = (e: ErrorObject): boolean =>
      e.schemaPath.startsWith(prefix) && (e.instancePath === at || e.instancePath.startsWith(`${at}/`));
    const branchErrors = kept.filter(belongs);
    kept = kept.filter((e) => e !== anyOf && !belongs(e));
    const branches = (anyOf.schema as Array<{ title?: string }>) ?? [];
    const typeMatched = branches
      .map((_, i) => i)
      .filter((i) => !branchErrors.some((e) => e.schemaPath === `${prefix}${i}/type` && e.instancePath === anyOf.instancePath));
    if (typeMatched.length === 1) {
      kept.push(...branchErrors.filter((e) => e.schemaPath.startsWith(`${prefix}${typeMatched[0]}/`)));
    } else {
      summaries.push({ error: anyOf, titles: branches.map((b, i) => b.title ?? `form ${i + 1}`) });
    }
  }
  return { kept, summaries };
}

/** Turns ajv's errors into diagnostics that say where the problem is and what to write instead. */
export function translateSchemaErrors(src: YamlSource, errors: ErrorObject[]): Diagnostic[] {
  const named = errors.filter((e) => e.propertyName !== undefined);
  const rest = errors.filter((e) => e.propertyName === undefined && e.keyword !== 'propertyNames');
  const { kept, summaries } = foldAnyOf(rest);
  const out = translateNames(src, named);
  for (const e of kept) {
    const t = translateOne(src, e);
    if (t) out.push(diagnosticAt(src, t.path, t.message, t.target));
  }
  for (const { error, titles } of summaries) {
    const path = fromPointer(error.instancePath, src.value);
    out.push(diagnosticAt(src, path, `${where(path)} must be ${titles.join(' or ')}, not ${describeValue(error.data)}`));
  }
  return out;
}
