import type { Diagnostic } from '../errors.js';
import type { Path } from './path.js';
import { diagnosticAt, type DocSource } from './source.js';
import { didYouMean } from './suggest.js';
import { asArray, has, isObject } from './values.js';

/** Repository, registry and template policies: ECR's limit on the compact JSON text. */
export const MAX_POLICY_CHARS = 10_240;

const TOP_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const VERSIONS = ['2012-10-17', '2008-10-17'];

type Report = (path: Path, message: string, target?: 'key' | 'value') => void;

function checkUnknownKeys(obj: Record<string, unknown>, allowed: string[], at: Path, what: string, report: Report): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const hint = didYouMean(key, allowed) || `; expected one of: ${allowed.join(', ')}`;
      report([...at, key], `unknown key "${key}" in ${what}${hint}`, 'key');
    }
  }
}

/** A string or a non-empty list of strings: the shape of Action, Resource and principal values. */
function checkStringOrList(value: unknown, at: Path, name: string, report: Report): void {
  if (typeof value === 'string') return;
  const list = asArray(value);
  if (!list) return report(at, `${name} must be a string or a list of strings`);
  if (list.length === 0) return report(at, `${name} must not be an empty list`);
  list.forEach((item, i) => {
    if (typeof item !== 'string') report([...at, i], `${name} entries must be strings`);
  });
}

function checkPrincipal(value: unknown, at: Path, name: string, report: Report): void {
  if (value === '*') return;
  // Any other string (an account id, an ARN) is refused with the rest: IAM wants { AWS: ... } for those.
  if (!isObject(value)) return report(at, `${name} must be "*" or a mapping such as { AWS: "arn:aws:iam::123456789012:root" }`);
  if (Object.keys(value).length === 0) return report(at, `${name} must name at least one principal`);
  for (const [kind, ids] of Object.entries(value)) checkStringOrList(ids, [...at, kind], `${name}.${kind}`, report);
}

function checkStatement(stmt: unknown, at: Path, what: string, report: Report): void {
  if (!isObject(stmt)) return report(at, `each Statement of the ${what} must be a mapping`);
  checkUnknownKeys(stmt, STATEMENT_KEYS, at, `a Statement of the ${what}`, report);
  if (has(stmt, 'Sid') && typeof stmt.Sid !== 'string') report([...at, 'Sid'], 'Sid must be a string');
  if (!has(stmt, 'Effect')) report(at, 'the Statement needs "Effect": Allow or Deny');
  else if (stmt.Effect !== 'Allow' && stmt.Effect !== 'Deny') {
    const hint = typeof stmt.Effect === 'string' ? didYouMean(stmt.Effect, ['Allow', 'Deny']) : '';
    report([...at, 'Effect'], `Effect must be exactly Allow or Deny, not ${JSON.stringify(stmt.Effect)}${hint}`);
  }
  // A resource policy applies to whoever it names: without a principal ECR refuses it.
  if (has(stmt, 'Principal') && has(stmt, 'NotPrincipal')) report([...at, 'NotPrincipal'], 'a Statement has Principal or NotPrincipal, not both', 'key');
  else if (has(stmt, 'Principal')) checkPrincipal(stmt.Principal, [...at, 'Principal'], 'Principal', report);
  else if (has(stmt, 'NotPrincipal')) checkPrincipal(stmt.NotPrincipal, [...at, 'NotPrincipal'], 'NotPrincipal', report);
  else report(at, `the Statement needs "Principal" (or "NotPrincipal"): a ${what} is a resource policy and must name whom it applies to`);
  if (has(stmt, 'Action') && has(stmt, 'NotAction')) report([...at, 'NotAction'], 'a Statement has Action or NotAction, not both', 'key');
  else if (has(stmt, 'Action')) checkStringOrList(stmt.Action, [...at, 'Action'], 'Action', report);
  else if (has(stmt, 'NotAction')) checkStringOrList(stmt.NotAction, [...at, 'NotAction'], 'NotAction', report);
  else report(at, 'the Statement needs "Action" (or "NotAction"), e.g. Action: [ecr:BatchGetImage]');
  // A repository policy is attached to its repository; ECR refuses one that names resources ("Invalid repository policy provided").
  const resourceKey = ['Resource', 'NotResource'].find((key) => has(stmt, key));
  if (what.endsWith('repository policy') && resourceKey) {
    report([...at, resourceKey], `a ${what} must not have "${resourceKey}": it applies to its own repository, and ECR refuses the policy ("Invalid repository policy provided"); remove the key`, 'key');
  } else if (has(stmt, 'Resource') && has(stmt, 'NotResource')) report([...at, 'NotResource'], 'a Statement has Resource or NotResource, not both', 'key');
  else if (has(stmt, 'Resource')) checkStringOrList(stmt.Resource, [...at, 'Resource'], 'Resource', report);
  else if (has(stmt, 'NotResource')) checkStringOrList(stmt.NotResource, [...at, 'NotResource'], 'NotResource', report);
  if (has(stmt, 'Condition')) {
    const condition = stmt.Condition;
    if (!isObject(condition) || !Object.values(condition).every(isObject)) {
      report([...at, 'Condition'], 'Condition must map operators to mappings, e.g. { StringEquals: { "aws:PrincipalOrgID": o-123 } }');
    }
  }
}

/**
 * Checks an IAM resource policy (repository, registry or template policy) the way IAM
 * would before any API call: structure, Effect, principal, action, and ECR's size limit.
 * `base` is where the document stands in `src`.
 */
export function validateIamPolicy(src: DocSource, base: Path, doc: unknown, what: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report: Report = (path, message, target) => out.push(diagnosticAt(src, path, message, target));
  if (!isObject(doc)) {
    report(base, `the ${what} must be a mapping (an IAM policy document with Version and Statement)`);
    return out;
  }
  const size = JSON.stringify(doc).length;
  if (size > MAX_POLICY_CHARS) {
    report(base, `the ${what} is ${size} characters as compact JSON; ECR allows at most ${MAX_POLICY_CHARS}`);
  }
  checkUnknownKeys(doc, TOP_KEYS, base, `the ${what}`, report);
  if (!has(doc, 'Version')) report(base, `the ${what} needs "Version": "2012-10-17"`);
  else if (typeof doc.Version !== 'string') report([...base, 'Version'], 'Version must be a string: "2012-10-17"');
  else if (!VERSIONS.includes(doc.Version)) report([...base, 'Version'], `Version must be "2012-10-17" or "2008-10-17", not "${doc.Version}"`);
  if (has(doc, 'Id') && typeof doc.Id !== 'string') report([...base, 'Id'], 'Id must be a string');
  if (!has(doc, 'Statement')) {
    report(base, `the ${what} needs "Statement": a statement or a list of them`);
  } else if (Array.isArray(doc.Statement)) {
    if (doc.Statement.length === 0) report([...base, 'Statement'], 'Statement must not be an empty list');
    doc.Statement.forEach((stmt, i) => checkStatement(stmt, [...base, 'Statement', i], what, report));
  } else {
    checkStatement(doc.Statement, [...base, 'Statement'], what, report);
  }
  return out;
}
