import type { Desired } from '../../src/model/desired.js';
import type { Json, JsonObject } from '../../src/model/json.js';
import type { Live, LiveRegistrySettings } from '../../src/model/live.js';
import { OWNERSHIP_TAG_KEY, OWNERSHIP_TAG_VALUE } from '../../src/model/ownership.js';
import { ACCOUNT, liveRepo, liveState } from './builders.js';

/*
 * The live side of a plan law, built the way ECR returns what was applied,
 * not as a copy of the desired objects: IAM stores account ids as root ARNs
 * in the registry's partition, collapses one-element lists, drops duplicate
 * values and keeps its own order; ECR returns policy text pretty-printed;
 * lifecycle rules come back in another order; tags, filters and sets in
 * another order; a KMS repository named no key gets the AWS managed key;
 * CloudFormation adds `aws:` tags. With normalization removed from the plan,
 * every law built on this fails.
 */

const ACCOUNT_ID = /^\d{12}$/;

function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** A value IAM stores as a set: de-duplicated, in reverse order, one string as a plain string. */
function storedSet(value: Json, item: (v: Json) => Json = (v) => v): Json {
  const list = (Array.isArray(value) ? value : [value]).map(item);
  const unique = [...new Map(list.map((v) => [JSON.stringify(v), v])).values()].reverse();
  return unique.length === 1 && typeof unique[0] === 'string' ? unique[0] : unique;
}

function storedStatement(statement: JsonObject, partition: string): JsonObject {
  const out: JsonObject = {};
  // IAM returns the keys in its own order: reversed here.
  for (const key of Object.keys(statement).reverse()) {
    const value = statement[key];
    if (['Action', 'NotAction', 'Resource', 'NotResource'].includes(key)) out[key] = storedSet(value);
    else if ((key === 'Principal' || key === 'NotPrincipal') && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([type, ids]) => [
          type,
          storedSet(ids, (id) => (type === 'AWS' && typeof id === 'string' && ACCOUNT_ID.test(id) ? `arn:${partition}:iam::${id}:root` : id)),
        ]),
      );
    } else if (key === 'Condition' && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([op, block]) => [
          op,
          Object.fromEntries(Object.entries(block as JsonObject).map(([k, v]) => [k, storedSet(v, (x) => (typeof x === 'number' || typeof x === 'boolean' ? String(x) : x))])),
        ]),
      );
    } else out[key] = value;
  }
  return out;
}

/** A policy as GetRepositoryPolicy / GetRegistryPolicy return it, parsed from ECR's pretty-printed text. */
export function asEcrStoresPolicy(doc: JsonObject, region = 'us-east-1'): JsonObject {
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const stored: JsonObject = {
    Statement: (statements as JsonObject[]).map((s) => storedStatement(s, partitionOf(region))).reverse(),
    ...Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'Statement')),
  };
  return JSON.parse(JSON.stringify(stored, null, 2)) as JsonObject;
}

/** A lifecycle policy as GetLifecyclePolicy returns it: rules in another order, tag lists reordered, pretty-printed. */
export function asEcrStoresLifecycle(doc: JsonObject): JsonObject {
  const rules = (doc.rules as JsonObject[]).map((rule) => {
    const selection = { ...(rule.selection as JsonObject) };
    for (const key of ['tagPrefixList', 'tagPatternList']) {
      if (Array.isArray(selection[key])) selection[key] = [...(selection[key] as Json[])].reverse();
    }
    return { action: rule.action, selection, rulePriority: rule.rulePriority, ...(rule.description !== undefined ? { description: rule.description } : {}) };
  });
  return JSON.parse(JSON.stringify({ rules: rules.reverse() }, null, 2)) as JsonObject;
}

/** The registry settings ECR reports for the desired ones: the policy as stored, scanning rules and filters reordered. */
export function ecrRegistryFrom(desired: Desired, region: string): LiveRegistrySettings {
  const live: LiveRegistrySettings = {};
  if (desired.registry.policy !== undefined) live.policy = desired.registry.policy ? asEcrStoresPolicy(desired.registry.policy, region) : null;
  if (desired.registry.scanning) {
    live.scanning = {
      scanType: desired.registry.scanning.scanType,
      rules: desired.registry.scanning.rules.map((r) => ({ ...r, repositoryFilters: [...r.repositoryFilters].reverse() })).reverse(),
    };
  }
  return live;
}

/** The live registry after `desired` was applied, as ECR reports it. */
export function ecrLiveFrom(desired: Desired, region = 'us-east-1'): Live {
  const repos = Object.values(desired.repositories).map((d) =>
    liveRepo(d.name, {
      arn: `arn:${partitionOf(region)}:ecr:${region}:${ACCOUNT}:repository/${d.name}`,
      imageTagMutability: d.imageTagMutability,
      imageTagMutabilityExclusionFilters: [...d.imageTagMutabilityExclusionFilters].reverse(),
      scanOnPush: d.scanOnPush,
      encryption:
        d.encryption.type !== 'AES256' && !d.encryption.kmsKey
          ? { type: d.encryption.type, kmsKey: `arn:${partitionOf(region)}:kms:${region}:${ACCOUNT}:key/0a1b2c3d-aws-managed` }
          : { ...d.encryption },
      tags: {
        'aws:cloudformation:stack-name': 'made-by-cfn',
        ...Object.fromEntries(Object.entries(d.tags).reverse()),
        [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE,
      },
      details: {
        policy: d.policy ? asEcrStoresPolicy(d.policy, region) : null,
        lifecyclePolicy: d.lifecyclePolicy ? asEcrStoresLifecycle(d.lifecyclePolicy) : null,
      },
      images: [],
    }),
  );
  return liveState(repos, { region, registry: ecrRegistryFrom(desired, region) });
}
