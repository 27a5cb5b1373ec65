import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/model/json.js';
import { canonicalStringify, fingerprint } from '../../src/normalize/canonical-json.js';
import { normalizePolicy } from '../../src/normalize/policy.js';

const canon = (doc: JsonObject): string => canonicalStringify(normalizePolicy(doc));

const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
const ACCOUNT = '210987654321';
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;

/** A statement builder: a small valid statement, overridable field by field. */
function statement(over: JsonObject = {}): JsonObject {
  return { Sid: 'ci-pull', Effect: 'Allow', Principal: { AWS: ROOT }, Action: PULL, ...over };
}
function policy(...statements: JsonObject[]): JsonObject {
  return { Version: '2012-10-17', Statement: statements };
}

describe('normalizePolicy: documents IAM treats as the same compare equal', () => {
  it.each<[string, JsonObject, JsonObject]>([
    [
      'statement order',
      policy(statement({ Sid: 'a' }), statement({ Sid: 'b' })),
      policy(statement({ Sid: 'b' }), statement({ Sid: 'a' })),
    ],
    ['action order', policy(statement({ Action: [PULL[0], PULL[1]] })), policy(statement({ Action: [PULL[1], PULL[0]] }))],
    ['action string vs one-element list', policy(statement({ Action: 'ecr:*' })), policy(statement({ Action: ['ecr:*'] }))],
    ['duplicate actions collapse', policy(statement({ Action: [PULL[0], PULL[1], PULL[0]] })), policy(statement({ Action: PULL }))],
    ['NotAction string vs list', policy(statement({ Action: undefined as never, NotAction: 'ecr:Delete*' })), policy(statement({ Action: undefined as never, NotAction: ['ecr:Delete*'] }))],
    ['Resource string vs list', policy(statement({ Resource: '*' })), policy(statement({ Resource: ['*'] }))],
    ['NotResource order', policy(statement({ NotResource: ['b', 'a'] })), policy(statement({ NotResource: ['a', 'b'] }))],
    ['account id vs root ARN', policy(statement({ Principal: { AWS: ACCOUNT } })), policy(statement({ Principal: { AWS: ROOT } }))],
    ['account id vs root ARN in a list', policy(statement({ Principal: { AWS: [ACCOUNT, '111111111111'] } })), policy(statement({ Principal: { AWS: ['arn:aws:iam::111111111111:root', ROOT] } }))],
    ['NotPrincipal account id vs root ARN', policy(statement({ Principal: undefined as never, NotPrincipal: { AWS: ACCOUNT } })), policy(statement({ Principal: undefined as never, NotPrincipal: { AWS: [ROOT] } }))],
    ['principal list order', policy(statement({ Principal: { Service: ['b.amazonaws.com', 'a.amazonaws.com'] } })), policy(statement({ Principal: { Service: ['a.amazonaws.com', 'b.amazonaws.com'] } }))],
    ['principal string vs list', policy(statement({ Principal: { Federated: 'cognito-identity.amazonaws.com' } })), policy(statement({ Principal: { Federated: ['cognito-identity.amazonaws.com'] } }))],
    ['duplicate principals collapse (id and ARN of one account)', policy(statement({ Principal: { AWS: [ACCOUNT, ROOT] } })), policy(statement({ Principal: { AWS: ROOT } }))],
    ['Statement object vs one-element list', { Version: '2012-10-17', Statement: statement() }, policy(statement())],
    ['duplicate statements collapse', policy(statement(), statement({ Action: [PULL[1], PULL[0]] })), policy(statement())],
    ['number condition value', policy(statement({ Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 5 } } })), policy(statement({ Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '5' } } }))],
    ['decimal condition value', policy(statement({ Condition: { NumericLessThan: { 'x:n': 100.01 } } })), policy(statement({ Condition: { NumericLessThan: { 'x:n': ['100.01'] } } }))],
    ['boolean condition value', policy(statement({ Condition: { Bool: { 'aws:SecureTransport': true } } })), policy(statement({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))],
    ['condition value order and duplicates', policy(statement({ Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-b', 'o-a', 'o-b'] } } })), policy(statement({ Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-a', 'o-b'] } } }))],
    [
      'whitespace and key order',
      JSON.parse('{"Version":"2012-10-17","Statement":[{"Sid":"s","Effect":"Allow","Principal":{"AWS":"*"},"Action":"ecr:*"}]}') as JsonObject,
      JSON.parse('{ "Statement" : [ { "Action" : "ecr:*",\n "Principal": { "AWS": "*" }, "Effect": "Allow", "Sid": "s" } ],\n  "Version": "2012-10-17" }') as JsonObject,
    ],
  ])('%s', (_name, a, b) => {
    expect(canon(strip(a))).toBe(canon(strip(b)));
    expect(fingerprint(normalizePolicy(strip(a)))).toBe(fingerprint(normalizePolicy(strip(b))));
  });
});

describe('normalizePolicy: everything else counts as written', () => {
  it.each<[string, JsonObject, JsonObject]>([
    ['an action changed', policy(statement({ Action: 'ecr:BatchGetImage' })), policy(statement({ Action: 'ecr:PutImage' }))],
    ['an action added', policy(statement({ Action: 'ecr:BatchGetImage' })), policy(statement({ Action: ['ecr:BatchGetImage', 'ecr:PutImage'] }))],
    ['effect changed', policy(statement({ Effect: 'Allow' })), policy(statement({ Effect: 'Deny' }))],
    ['principal changed', policy(statement({ Principal: { AWS: ACCOUNT } })), policy(statement({ Principal: { AWS: '111111111111' } }))],
    ['principal type changed', policy(statement({ Principal: { AWS: 'x' } })), policy(statement({ Principal: { Service: 'x' } }))],
    ['Sid changed', policy(statement({ Sid: 'a' })), policy(statement({ Sid: 'b' }))],
    ['Sid absent vs present', policy(statement({ Sid: undefined as never })), policy(statement({ Sid: 'a' }))],
    ['Version absent vs present', { Statement: [statement()] }, policy(statement())],
    ['Version value', { Version: '2008-10-17', Statement: [statement()] }, policy(statement())],
    ['Id changed', { ...policy(statement()), Id: 'one' }, { ...policy(statement()), Id: 'two' }],
    ['"*" vs {AWS: "*"}', policy(statement({ Principal: '*' })), policy(statement({ Principal: { AWS: '*' } }))],
    ['action case', policy(statement({ Action: 'ecr:BatchGetImage' })), policy(statement({ Action: 'ecr:batchgetimage' }))],
    ['Action vs NotAction', policy(statement({ Action: 'ecr:*' })), policy(statement({ Action: undefined as never, NotAction: 'ecr:*' }))],
    ['condition operator name', policy(statement({ Condition: { StringEquals: { k: 'v' } } })), policy(statement({ Condition: { StringLike: { k: 'v' } } }))],
    ['condition key case', policy(statement({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o' } } })), policy(statement({ Condition: { StringEquals: { 'aws:principalorgid': 'o' } } }))],
    ['condition value', policy(statement({ Condition: { NumericLessThan: { n: 5 } } })), policy(statement({ Condition: { NumericLessThan: { n: '5.0' } } }))],
    ['a statement removed', policy(statement({ Sid: 'a' }), statement({ Sid: 'b' })), policy(statement({ Sid: 'a' }))],
    ['an account id outside Principal.AWS is not its root ARN', policy(statement({ Resource: ACCOUNT })), policy(statement({ Resource: ROOT }))],
    ['an unknown key', policy(statement({ X: 1 })), policy(statement({ X: 2 }))],
  ])('%s', (_name, a, b) => {
    expect(canon(strip(a))).not.toBe(canon(strip(b)));
    expect(fingerprint(normalizePolicy(strip(a)))).not.toBe(fingerprint(normalizePolicy(strip(b))));
  });
});

describe('normalizePolicy: output shape', () => {
  it('sorts keys and sets, writes one-element sets as strings and account ids as ARNs, keeps the rest', () => {
    const doc = {
      Statement: {
        Principal: { AWS: [ACCOUNT], Service: ['b.amazonaws.com', 'a.amazonaws.com'] },
        Effect: 'Allow',
        Action: ['ecr:PutImage', 'ecr:BatchGetImage', 'ecr:PutImage'],
        Condition: { NumericLessThan: { n: [5] }, Bool: { t: [true, 'true'] } },
        Sid: 'x',
        Unknown: { b: 1, a: [2, 1] },
      },
      Id: 'policy',
    };
    const out = normalizePolicy(doc);
    expect(out).toEqual({
      Id: 'policy',
      Statement: [
        {
          Action: ['ecr:BatchGetImage', 'ecr:PutImage'],
          Condition: { Bool: { t: 'true' }, NumericLessThan: { n: '5' } },
          Effect: 'Allow',
          Principal: { AWS: ROOT, Service: ['a.amazonaws.com', 'b.amazonaws.com'] },
          Sid: 'x',
          Unknown: { a: [2, 1], b: 1 },
        },
      ],
    });
    // Keys are in sorted order in the object itself, not only in its canonical text.
    expect(JSON.stringify(out)).toBe(canonicalStringify(out));
    expect(out).not.toHaveProperty('Version');
  });

  it('does not modify its input', () => {
    const doc = policy(statement({ Action: [PULL[1], PULL[0]], Principal: { AWS: ACCOUNT } }));
    const before = structuredClone(doc);
    normalizePolicy(doc);
    expect(doc).toEqual(before);
  });

  it('keeps a __proto__ key as a member', () => {
    const doc = JSON.parse('{"Statement":[{"Effect":"Allow","__proto__":{"x":1}}]}') as JsonObject;
    const out = normalizePolicy(doc);
    expect(canonicalStringify(out)).toBe('{"Statement":[{"Effect":"Allow","__proto__":{"x":1}}]}');
  });
});

// ---------------------------------------------------------------------------
// Property tests. A policy is generated as a model (what IAM means), then
// rendered into a document; rendering knobs produce documents that must all
// normalize the same, and mutations of the model must never normalize the same.

const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '012345678901', '999000999000'];
const FRESH_ACCOUNT = '555555555555';
const ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability', 'ecr:PutImage', 'ecr:DescribeImages', 'ecr:ListImages', 'ecr:*'];
const FRESH_ACTION = 'ecr:DeleteRepository';
const SERVICES = ['codebuild.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'];
const ORGS = ['o-aaaa', 'o-bbbb', 'o-cccc'];

interface StatementModel {
  sid: string;
  effect: 'Allow' | 'Deny';
  actions: string[];
  accounts: string[];
  services: string[];
  resources: string[];
  orgs: string[];
  mfaAge: number | null;
  secure: boolean | null;
}
interface PolicyModel {
  version: string | null;
  statements: StatementModel[];
}

/** Everything but the Sid; built once (building arbitraries inside a chain is slow). */
const statementBody: fc.Arbitrary<Omit<StatementModel, 'sid'>> = fc.record({
  effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Deny'),
  actions: fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 4 }),
  accounts: fc.uniqueArray(fc.constantFrom(...ACCOUNTS), { minLength: 1, maxLength: 3 }),
  services: fc.uniqueArray(fc.constantFrom(...SERVICES), { maxLength: 2 }),
  resources: fc.uniqueArray(fc.constantFrom('*', 'arn:aws:ecr:eu-west-1:111111111111:repository/a'), { maxLength: 2 }),
  orgs: fc.uniqueArray(fc.constantFrom(...ORGS), { maxLength: 3 }),
  mfaAge: fc.option(fc.oneof(fc.integer({ min: 0, max: 86_400 }), fc.double({ min: 0, max: 1000, noNaN: true })), { nil: null }),
  secure: fc.option(fc.boolean(), { nil: null }),
});

/** Unique Sids make every statement distinct, so a mutation of one statement is always visible. */
const policyModel: fc.Arbitrary<PolicyModel> = fc
  .uniqueArray(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
  .chain((sids) =>
    fc.record({
      version: fc.option(fc.constant('2012-10-17'), { nil: null }),
      statements: fc
        .array(statementBody, { minLength: sids.length, maxLength: sids.length })
        .map((bodies) => bodies.map((body, i) => ({ ...body, sid: sids[i] }))),
    }),
  );

interface Knobs {
  shuffle: boolean;
  singletonAsString: boolean;
  duplicates: boolean;
  accountIds: boolean;
  scalarConditions: boolean;
  statementObject: boolean;
  keyOrder: boolean;
}
const PLAIN: Knobs = {
  shuffle: false,
  singletonAsString: false,
  duplicates: false,
  accountIds: false,
  scalarConditions: false,
  statementObject: false,
  keyOrder: false,
};

/** mulberry32: a tiny seeded PRNG, so a rendering is reproducible from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function render(model: PolicyModel, knobs: Knobs, seed: number): JsonObject {
  const random = rng(seed);
  const coin = (): boolean => random() < 0.5;
  const shuffle = <T>(list: T[]): T[] => {
    const out = [...list];
    if (!knobs.shuffle) return out;
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const set = (items: Json[]): Json => {
    let out = shuffle(items);
    if (knobs.duplicates && out.length > 0 && coin()) out = [...out, out[Math.floor(random() * out.length)]];
    return knobs.singletonAsString && out.length === 1 && coin() ? out[0] : out;
  };
  const object = (entries: Array<[string, Json | undefined]>): JsonObject => {
    const present = entries.filter((e): e is [string, Json] => e[1] !== undefined);
    return Object.fromEntries(knobs.keyOrder ? shuffle(present).reverse() : present) as JsonObject;
  };
  const account = (id: string): string => (knobs.accountIds && coin() ? id : `arn:aws:iam::${id}:root`);
  const scalar = (v: number | boolean): Json => (knobs.scalarConditions && coin() ? v : String(v));

  const statements = model.statements.map((s) => {
    const condition = object([
      ['StringEquals', s.orgs.length > 0 ? object([['aws:PrincipalOrgID', set(s.orgs)]]) : undefined],
      ['NumericLessThan', s.mfaAge !== null ? object([['aws:MultiFactorAuthAge', set([scalar(s.mfaAge)])]]) : undefined],
      ['Bool', s.secure !== null ? object([['aws:SecureTransport', set([scalar(s.secure)])]]) : undefined],
    ]);
    return object([
      ['Sid', s.sid],
      ['Effect', s.effect],
      ['Principal', object([['AWS', set(s.accounts.map(account))], ['Service', s.services.length > 0 ? set(s.services) : undefined]])],
      ['Action', set(s.actions)],
      ['Resource', s.resources.length > 0 ? set(s.resources) : undefined],
      ['Condition', Object.keys(condition).length > 0 ? condition : undefined],
    ]);
  });
  let list: Json[] = shuffle(statements);
  if (knobs.duplicates && coin()) list = [...list, list[Math.floor(random() * list.length)]];
  const statement: Json = knobs.statementObject && list.length === 1 ? list[0] : list;
  return object([
    ['Version', model.version ?? undefined],
    ['Statement', statement],
  ]);
}

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Per-statement mutations IAM would see: each must always change the normalized form. */
const MUTATIONS: Array<[string, (s: StatementModel) => StatementModel]> = [
  ['an action changed', (s) => ({ ...s, actions: [FRESH_ACTION, ...s.actions.slice(1)] })],
  ['an action added', (s) => ({ ...s, actions: [...s.actions, FRESH_ACTION] })],
  ['the effect flipped', (s) => ({ ...s, effect: s.effect === 'Allow' ? 'Deny' : 'Allow' })],
  ['a principal changed', (s) => ({ ...s, accounts: [FRESH_ACCOUNT, ...s.accounts.slice(1)] })],
  ['a principal added', (s) => ({ ...s, accounts: [...s.accounts, FRESH_ACCOUNT] })],
  ['the Sid changed', (s) => ({ ...s, sid: `${s.sid}-changed` })],
];

describe('normalizePolicy: laws (fast-check)', () => {
  it.each<[string, Partial<Knobs>]>([
    ['shuffling statements, actions, principals and condition values', { shuffle: true }],
    ['a one-element list written as its string', { singletonAsString: true }],
    ['duplicated set members and statements', { duplicates: true }],
    ['account ids for root ARNs', { accountIds: true }],
    ['numbers and booleans for their strings in conditions', { scalarConditions: true }],
    ['a lone statement written as an object', { statementObject: true }],
    ['key order', { keyOrder: true }],
    ['all of these at once', { shuffle: true, singletonAsString: true, duplicates: true, accountIds: true, scalarConditions: true, statementObject: true, keyOrder: true }],
  ])('%s never changes the normalized form', (_name, knobs) => {
    fc.assert(
      fc.property(policyModel, seed, (model, s) => {
        expect(canon(render(model, { ...PLAIN, ...knobs }, s))).toBe(canon(render(model, PLAIN, 0)));
      }),
    );
  });

  it.each(MUTATIONS)('%s always changes the normalized form', (_name, mutate) => {
    const all: Knobs = { shuffle: true, singletonAsString: true, duplicates: true, accountIds: true, scalarConditions: true, statementObject: true, keyOrder: true };
    fc.assert(
      fc.property(policyModel, fc.nat(), seed, seed, (model, pick, s1, s2) => {
        const i = pick % model.statements.length;
        const mutated = { ...model, statements: model.statements.map((st, j) => (j === i ? mutate(st) : st)) };
        expect(canon(render(mutated, all, s2))).not.toBe(canon(render(model, all, s1)));
      }),
    );
  });

  it('is idempotent on generated policies', () => {
    const all: Knobs = { shuffle: true, singletonAsString: true, duplicates: true, accountIds: true, scalarConditions: true, statementObject: true, keyOrder: true };
    fc.assert(
      fc.property(policyModel, seed, (model, s) => {
        const once = normalizePolicy(render(model, all, s));
        expect(normalizePolicy(once)).toEqual(once);
        expect(JSON.stringify(once)).toBe(canonicalStringify(once));
      }),
    );
  });

  it('is idempotent on arbitrary JSON objects', () => {
    const doc = fc.dictionary(fc.constantFrom('Version', 'Id', 'Statement', 'x'), fc.jsonValue({ maxDepth: 4 })).map((d) => d as JsonObject);
    const statementish = fc.dictionary(
      fc.constantFrom('Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'Principal', 'NotPrincipal', 'Condition', 'y'),
      fc.jsonValue({ maxDepth: 3 }),
    );
    const policyish = fc.oneof(doc, fc.array(statementish, { maxLength: 4 }).map((Statement) => ({ Statement }) as JsonObject));
    fc.assert(
      fc.property(policyish, (d) => {
        const once = normalizePolicy(d);
        expect(canonicalStringify(normalizePolicy(once))).toBe(canonicalStringify(once));
      }),
    );
  });
});

/** Drops members set to `undefined` by the builders, which JSON documents never hold. */
function strip(doc: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(doc)) as JsonObject;
}

describe('normalizePolicy: statement order (what a plan shows)', () => {
  // Sids and texts are chosen so that ordering by text alone would give a
  // different order: Sid "b" has the smaller Action, the Sid-less statements
  // the smallest of all.
  const sidA = statement({ Sid: 'a', Action: 'ecr:Z' });
  const sidB = statement({ Sid: 'b', Action: 'ecr:A' });
  const plain1 = statement({ Sid: undefined as never, Action: 'ecr:0' });
  const plain2 = statement({ Sid: undefined as never, Action: 'ecr:1' });
  const numericSid = statement({ Sid: 5 as never, Action: 'ecr:2' });

  it('puts statements with a Sid first, by Sid, then the rest by text, whatever order they were written in', () => {
    const orders = [
      [plain2, sidB, numericSid, plain1, sidA],
      [sidA, sidB, plain1, plain2, numericSid],
      [numericSid, plain1, sidA, plain2, sidB],
      [sidB, plain2, sidA, numericSid, plain1],
    ];
    for (const order of orders) {
      const out = normalizePolicy(strip(policy(...order)));
      expect((out.Statement as JsonObject[]).map((s) => s.Action)).toEqual(['ecr:Z', 'ecr:A', 'ecr:0', 'ecr:1', 'ecr:2']);
    }
  });

  it('orders two statements with the same Sid (invalid, left for validation) by text, in any input order', () => {
    const one = statement({ Sid: 'same', Action: 'ecr:B' });
    const two = statement({ Sid: 'same', Action: 'ecr:A' });
    for (const order of [[one, two], [two, one]]) {
      expect((normalizePolicy(policy(...order)).Statement as JsonObject[]).map((s) => s.Action)).toEqual(['ecr:A', 'ecr:B']);
    }
  });

  it('orders items that are not statements (invalid, left for validation) with the Sid-less ones, by text, without failing', () => {
    const noSid = statement({ Sid: undefined as never });
    const a = normalizePolicy({ Statement: [null, 'x', statement({ Sid: 'a' }), noSid] });
    const b = normalizePolicy({ Statement: [noSid, 'x', statement({ Sid: 'a' }), null] });
    expect(canonicalStringify(a)).toBe(canonicalStringify(b));
    // By canonical text: "x" (a quote), then null, then an object.
    const list = a.Statement as Json[];
    expect((list[0] as JsonObject).Sid).toBe('a');
    expect(list.slice(1, 3)).toEqual(['x', null]);
    expect(list[3]).not.toHaveProperty('Sid');
  });
});

describe('normalizePolicy: only what IAM reads as a set is normalized', () => {
  it('keeps a top-level member other than Statement as written, even one that looks like a statement', () => {
    const out = normalizePolicy({ ...policy(statement()), Extra: { Action: ['b', 'a'] } });
    expect(out.Extra).toEqual({ Action: ['b', 'a'] });
  });

  it('keeps an unknown statement member holding objects as written', () => {
    const out = normalizePolicy(policy(statement({ Unknown: { k: { v: ['b', 'a', 'a'] } } })));
    expect((out.Statement as JsonObject[])[0].Unknown).toEqual({ k: { v: ['b', 'a', 'a'] } });
  });

  it('keeps an unknown principal type as written, and does not read an account id under Service as an ARN', () => {
    const out = normalizePolicy(policy(statement({ Principal: { Other: ['b', 'a'], Service: ACCOUNT, AWS: ['arn:aws:iam::210987654321:role/ci', '*'] } })));
    expect((out.Statement as JsonObject[])[0].Principal).toEqual({ AWS: ['*', 'arn:aws:iam::210987654321:role/ci'], Other: ['b', 'a'], Service: ACCOUNT });
  });

  it('keeps a Condition that is not an object, and condition values that are not scalars, as written', () => {
    const first = (doc: JsonObject): JsonObject => (normalizePolicy(doc).Statement as JsonObject[])[0];
    expect(first(policy(statement({ Condition: 'x' }))).Condition).toBe('x');
    expect(first(policy(statement({ Condition: ['b', 'a'] }))).Condition).toEqual(['b', 'a']);
    expect(first(policy(statement({ Condition: { StringEquals: { k: [{ a: 1 }, null] } } }))).Condition).toEqual({ StringEquals: { k: [null, { a: 1 }] } });
    expect(canon(policy(statement({ Condition: { StringEquals: { k: { a: 1 } } } })))).not.toBe(canon(policy(statement({ Condition: { StringEquals: { k: { a: 2 } } } }))));
  });

  it('keeps a lone non-string set member a one-element list, so normalizing again changes nothing', () => {
    for (const action of [[5], [[1]], [{ a: 1 }]] as Json[]) {
      const once = normalizePolicy(policy(statement({ Action: action })));
      expect((once.Statement as JsonObject[])[0].Action).toEqual(action);
      expect(normalizePolicy(once)).toEqual(once);
    }
  });

  it('orders strings by their own text, not their JSON text ("build" before "build cache")', () => {
    // As JSON texts the order flips: the closing quote of "build" (0x22) sorts after the space (0x20).
    for (const values of [['build cache', 'build'], ['build', 'build cache']]) {
      const out = normalizePolicy(policy(statement({ Condition: { StringEquals: { 'aws:ResourceTag/Name': values } } })));
      expect((out.Statement as JsonObject[])[0].Condition).toEqual({ StringEquals: { 'aws:ResourceTag/Name': ['build', 'build cache'] } });
    }
  });

  it('does not read a numeric account id (invalid: validation names it) as the account\'s root ARN', () => {
    const out = normalizePolicy(policy(statement({ Principal: { AWS: 210987654321 } })));
    expect((out.Statement as JsonObject[])[0].Principal).toEqual({ AWS: [210987654321] });
  });

  it('sorts a set with strings first, by text, then anything else (invalid) by its canonical text, in any input order', () => {
    const want = ['a', 'b', 5, { x: 1 }];
    for (const action of [['b', 5, 'a', { x: 1 }], [{ x: 1 }, 'a', 5, 'b'], [5, { x: 1 }, 'b', 'a']] as Json[][]) {
      const out = normalizePolicy(policy(statement({ Action: action })));
      expect((out.Statement as JsonObject[])[0].Action).toEqual(want);
    }
  });
});
