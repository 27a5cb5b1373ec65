import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/model/json.js';
import { canonicalStringify } from '../../src/normalize/canonical-json.js';
import { normalizeLifecyclePolicy } from '../../src/normalize/lifecycle.js';

const canon = (doc: JsonObject): string => canonicalStringify(normalizeLifecyclePolicy(doc));

/** A rule builder: keep the newest 30 images tagged v*, overridable by part. */
function rule(priority: number, selection: JsonObject = {}, over: JsonObject = {}): JsonObject {
  return {
    rulePriority: priority,
    description: `rule ${priority}`,
    selection: { tagStatus: 'tagged', tagPatternList: ['v*'], countType: 'imageCountMoreThan', countNumber: 30, ...selection },
    action: { type: 'expire' },
    ...over,
  };
}
const lifecycle = (...rules: JsonObject[]): JsonObject => ({ rules });
const untagged = (priority: number, selection: JsonObject = {}): JsonObject =>
  rule(priority, { tagStatus: 'untagged', tagPatternList: undefined as never, countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14, ...selection });

describe('normalizeLifecyclePolicy: equal', () => {
  it.each<[string, JsonObject, JsonObject]>([
    ['rule order', lifecycle(rule(1), rule(2, { tagPatternList: ['rc-*'] })), lifecycle(rule(2, { tagPatternList: ['rc-*'] }), rule(1))],
    ['tagPrefixList order', lifecycle(rule(1, { tagPatternList: undefined as never, tagPrefixList: ['b', 'a'] })), lifecycle(rule(1, { tagPatternList: undefined as never, tagPrefixList: ['a', 'b'] }))],
    ['tagPatternList order', lifecycle(rule(1, { tagPatternList: ['v*', '*-prod'] })), lifecycle(rule(1, { tagPatternList: ['*-prod', 'v*'] }))],
    ['empty tagPrefixList vs absent', lifecycle(untagged(1, { tagPrefixList: [] })), lifecycle(untagged(1))],
    ['empty tagPatternList vs absent', lifecycle(untagged(1, { tagPatternList: [] })), lifecycle(untagged(1))],
    ['key order', JSON.parse('{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}]}') as JsonObject, JSON.parse('{"rules":[{"action":{"type":"expire"},"selection":{"countNumber":5,"countType":"imageCountMoreThan","tagStatus":"any"},"rulePriority":1}]}') as JsonObject],
  ])('%s', (_name, a, b) => {
    expect(canon(strip(a))).toBe(canon(strip(b)));
  });
});

describe('normalizeLifecyclePolicy: different', () => {
  it.each<[string, JsonObject, JsonObject]>([
    ['countNumber', lifecycle(rule(1)), lifecycle(rule(1, { countNumber: 31 }))],
    ['countNumber as a string', lifecycle(rule(1)), lifecycle(rule(1, { countNumber: '30' }))],
    ['countType', lifecycle(rule(1, { countType: 'sinceImagePushed', countUnit: 'days' })), lifecycle(rule(1, { countType: 'sinceImagePulled', countUnit: 'days' }))],
    ['description', lifecycle(rule(1)), lifecycle(rule(1, {}, { description: 'keep 30' }))],
    ['description absent', lifecycle(rule(1)), lifecycle(rule(1, {}, { description: undefined as never }))],
    ['rulePriority', lifecycle(rule(1)), lifecycle(rule(2))],
    ['a tag pattern', lifecycle(rule(1)), lifecycle(rule(1, { tagPatternList: ['v*', 'x'] }))],
    ['prefix list vs pattern list', lifecycle(rule(1, { tagPatternList: undefined as never, tagPrefixList: ['v'] })), lifecycle(rule(1, { tagPatternList: ['v'] }))],
    ['action type', lifecycle(rule(1)), lifecycle(rule(1, {}, { action: { type: 'transition', targetStorageClass: 'archive' } }))],
    ['an unknown key', lifecycle(rule(1, { extra: 1 })), lifecycle(rule(1))],
  ])('%s', (_name, a, b) => {
    expect(canon(strip(a))).not.toBe(canon(strip(b)));
  });
});

describe('normalizeLifecyclePolicy: output shape', () => {
  it('sorts rules and tag lists, drops empty tag lists, keeps the rest as written', () => {
    const out = normalizeLifecyclePolicy({
      rules: [rule(20, { tagPatternList: ['z*', 'a*'] }), untagged(10, { tagPrefixList: [] })],
      comment: 'kept',
    });
    expect(out).toEqual({
      comment: 'kept',
      rules: [
        { action: { type: 'expire' }, description: 'rule 10', rulePriority: 10, selection: { countNumber: 14, countType: 'sinceImagePushed', countUnit: 'days', tagStatus: 'untagged' } },
        { action: { type: 'expire' }, description: 'rule 20', rulePriority: 20, selection: { countNumber: 30, countType: 'imageCountMoreThan', tagPatternList: ['a*', 'z*'], tagStatus: 'tagged' } },
      ],
    });
    expect(JSON.stringify(out)).toBe(canonicalStringify(out));
  });

  it('keeps duplicate tag prefixes (semantics.md only sorts them)', () => {
    const out = normalizeLifecyclePolicy(lifecycle(rule(1, { tagPatternList: ['b', 'a', 'b'] })));
    expect((out.rules as JsonObject[])[0].selection).toMatchObject({ tagPatternList: ['a', 'b', 'b'] });
  });

  it('does not modify its input', () => {
    const doc = lifecycle(rule(2), rule(1, { tagPatternList: ['b', 'a'] }));
    const before = structuredClone(doc);
    normalizeLifecyclePolicy(doc);
    expect(doc).toEqual(before);
  });
});

// ---------------------------------------------------------------------------
// Property tests: a policy as a list of rules with unique priorities.

interface RuleModel {
  priority: number;
  description: string | null;
  tagStatus: 'tagged' | 'untagged' | 'any';
  list: 'tagPrefixList' | 'tagPatternList';
  tags: string[];
  countType: 'imageCountMoreThan' | 'sinceImagePushed' | 'sinceImagePulled';
  countNumber: number;
  action: 'expire' | 'transition';
}

/** Everything but the priority; built once (building fc.stringMatching inside a chain is slow). */
const ruleBody: fc.Arbitrary<Omit<RuleModel, 'priority'>> = fc.record({
  description: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  tagStatus: fc.constantFrom<RuleModel['tagStatus']>('tagged', 'untagged', 'any'),
  list: fc.constantFrom<RuleModel['list']>('tagPrefixList', 'tagPatternList'),
  tags: fc.uniqueArray(fc.stringMatching(/^[a-z0-9*._-]{1,6}$/), { minLength: 1, maxLength: 4 }),
  countType: fc.constantFrom<RuleModel['countType']>('imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled'),
  countNumber: fc.integer({ min: 1, max: 1000 }),
  action: fc.constantFrom<RuleModel['action']>('expire', 'transition'),
});

/** Rules with unique priorities, as validation requires. */
const policyModel: fc.Arbitrary<RuleModel[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 })
  .chain((priorities) => fc.array(ruleBody, { minLength: priorities.length, maxLength: priorities.length }).map((bodies) => bodies.map((body, i) => ({ ...body, priority: priorities[i] }))));

interface Knobs {
  shuffle: boolean;
  emptyLists: boolean;
  keyOrder: boolean;
}
const PLAIN: Knobs = { shuffle: false, emptyLists: false, keyOrder: false };
const ALL: Knobs = { shuffle: true, emptyLists: true, keyOrder: true };

function render(rules: RuleModel[], knobs: Knobs, seed: number): JsonObject {
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const shuffle = <T>(list: T[]): T[] => {
    const out = [...list];
    if (!knobs.shuffle) return out;
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const object = (entries: Array<[string, Json | undefined]>): JsonObject => {
    const present = entries.filter((e): e is [string, Json] => e[1] !== undefined);
    return Object.fromEntries(knobs.keyOrder ? shuffle(present).reverse() : present) as JsonObject;
  };
  return object([
    [
      'rules',
      shuffle(rules).map((r) => {
        const tagged = r.tagStatus === 'tagged';
        const other = r.list === 'tagPrefixList' ? 'tagPatternList' : 'tagPrefixList';
        return object([
          ['rulePriority', r.priority],
          ['description', r.description ?? undefined],
          [
            'selection',
            object([
              ['tagStatus', r.tagStatus],
              [r.list, tagged ? shuffle(r.tags) : knobs.emptyLists && random() < 0.5 ? [] : undefined],
              [other, knobs.emptyLists && random() < 0.5 ? [] : undefined],
              ['countType', r.countType],
              ['countUnit', r.countType === 'imageCountMoreThan' ? undefined : 'days'],
              ['countNumber', r.countNumber],
            ]),
          ],
          ['action', r.action === 'expire' ? object([['type', 'expire']]) : object([['type', 'transition'], ['targetStorageClass', 'archive']])],
        ]);
      }),
    ],
  ]);
}

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('normalizeLifecyclePolicy: laws (fast-check)', () => {
  it.each<[string, Partial<Knobs>]>([
    ['reordering rules and tag lists', { shuffle: true }],
    ['adding empty tag lists', { emptyLists: true }],
    ['key order', { keyOrder: true }],
    ['all of these at once', ALL],
  ])('%s never changes the normalized form', (_name, knobs) => {
    fc.assert(
      fc.property(policyModel, seed, (rules, s) => {
        expect(canon(render(rules, { ...PLAIN, ...knobs }, s))).toBe(canon(render(rules, PLAIN, 0)));
      }),
    );
  });

  it.each<[string, (r: RuleModel) => RuleModel]>([
    ['changing countNumber', (r) => ({ ...r, countNumber: r.countNumber + 1 })],
    ['changing countType', (r) => ({ ...r, countType: r.countType === 'sinceImagePushed' ? 'sinceImagePulled' : 'sinceImagePushed' })],
    ['changing the action', (r) => ({ ...r, action: r.action === 'expire' ? 'transition' : 'expire' })],
    ['changing the description', (r) => ({ ...r, description: `${r.description ?? ''}!` })],
    ['changing the tag status', (r) => ({ ...r, tagStatus: r.tagStatus === 'any' ? 'untagged' : 'any' })],
  ])('%s always changes the normalized form', (_name, mutate) => {
    fc.assert(
      fc.property(policyModel, fc.nat(), seed, seed, (rules, pick, s1, s2) => {
        const i = pick % rules.length;
        const mutated = rules.map((r, j) => (j === i ? mutate(r) : r));
        expect(canon(render(mutated, ALL, s2))).not.toBe(canon(render(rules, ALL, s1)));
      }),
    );
  });

  it('is idempotent on generated policies', () => {
    fc.assert(
      fc.property(policyModel, seed, (rules, s) => {
        const once = normalizeLifecyclePolicy(render(rules, ALL, s));
        expect(normalizeLifecyclePolicy(once)).toEqual(once);
      }),
    );
  });

  it('is idempotent on arbitrary JSON shaped like a lifecycle policy', () => {
    const selection = fc.dictionary(fc.constantFrom('tagStatus', 'tagPrefixList', 'tagPatternList', 'countNumber', 'z'), fc.jsonValue({ maxDepth: 2 }));
    const ruleish = fc.oneof(
      fc.record({ rulePriority: fc.oneof(fc.integer(), fc.jsonValue({ maxDepth: 1 })), selection, description: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const doc = fc.record({ rules: fc.oneof(fc.array(ruleish, { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })), other: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(doc, (d) => {
        const once = normalizeLifecyclePolicy(d as JsonObject);
        expect(canonicalStringify(normalizeLifecyclePolicy(once))).toBe(canonicalStringify(once));
      }),
    );
  });
});

/** Drops members set to `undefined` by the builders, which JSON documents never hold. */
function strip(doc: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(doc)) as JsonObject;
}

describe('normalizeLifecyclePolicy: rule order is rulePriority, not text', () => {
  // Priorities 2 and 10 whose texts sort the other way ("rule 10" < "rule 2"):
  // the normalized document (the plan's before/after) lists rules as ECR
  // evaluates them, lowest priority first.
  it('orders by the number, whatever order the texts have', () => {
    for (const doc of [lifecycle(rule(10), rule(2)), lifecycle(rule(2), rule(10))]) {
      const out = normalizeLifecyclePolicy(doc);
      expect((out.rules as JsonObject[]).map((r) => r.rulePriority)).toEqual([2, 10]);
    }
  });

  it('puts rules without a numeric priority (invalid, left for validation) last, ordered by text, in any input order', () => {
    const numbered = rule(5);
    const stringPriority = rule(1, {}, { rulePriority: '1', description: 'b' });
    const noPriority = rule(1, {}, { rulePriority: undefined as never, description: 'a' });
    const notNumber = rule(1, {}, { rulePriority: Number.NaN, description: 'c' });
    const want = [5, undefined, '1', null];
    for (const order of [
      [numbered, stringPriority, noPriority, notNumber],
      [notNumber, noPriority, stringPriority, numbered],
      [stringPriority, numbered, notNumber, noPriority],
    ]) {
      const out = normalizeLifecyclePolicy({ rules: order });
      const rules = out.rules as JsonObject[];
      expect(rules.map((r) => (Number.isNaN(r.rulePriority) ? null : r.rulePriority))).toEqual(want);
      expect(rules.map((r) => r.description)).toEqual(['rule 5', 'a', 'b', 'c']);
    }
  });

  it('does not fail on rules that are not objects, and puts them last in any input order', () => {
    const a = normalizeLifecyclePolicy({ rules: [null, rule(1), 'x'] });
    const b = normalizeLifecyclePolicy({ rules: ['x', rule(1), null] });
    expect(canonicalStringify(a)).toBe(canonicalStringify(b));
    expect((a.rules as Json[]).slice(1)).toEqual(['x', null]);
  });

  it('sorts tag matchers as strings first, then anything else (invalid) by its text, in any input order', () => {
    const forward = normalizeLifecyclePolicy(lifecycle(rule(1, { tagPatternList: ['b', 3, { x: 1 }, 'a'] })));
    const backward = normalizeLifecyclePolicy(lifecycle(rule(1, { tagPatternList: ['a', { x: 1 }, 3, 'b'] })));
    const list = ((forward.rules as JsonObject[])[0].selection as JsonObject).tagPatternList;
    expect(list).toEqual(['a', 'b', 3, { x: 1 }]);
    expect(canonicalStringify(backward)).toBe(canonicalStringify(forward));
  });
});

describe('normalizeLifecyclePolicy: only rules and selections are normalized', () => {
  it('keeps other members as written, even when they look like rules or tag lists', () => {
    const doc: JsonObject = {
      rules: [rule(1, {}, { extra: { tagPatternList: ['b', 'a'], tagPrefixList: [] } })],
      other: [{ rulePriority: 2 }, { rulePriority: 1 }],
      note: 'kept',
    };
    const out = normalizeLifecyclePolicy(doc);
    expect(out.other).toEqual([{ rulePriority: 2 }, { rulePriority: 1 }]);
    expect(out.note).toBe('kept');
    expect((out.rules as JsonObject[])[0].extra).toEqual({ tagPatternList: ['b', 'a'], tagPrefixList: [] });
  });

  it('keeps rules that are not a list, and a selection that is not an object, as written', () => {
    expect(normalizeLifecyclePolicy({ rules: 'none' })).toEqual({ rules: 'none' });
    expect(normalizeLifecyclePolicy({ rules: [{ rulePriority: 1, selection: 'any' }] })).toEqual({ rules: [{ rulePriority: 1, selection: 'any' }] });
  });
});
