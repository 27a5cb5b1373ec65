import { describe, expect, it } from 'vitest';
import { compareAddresses } from '../../src/plan/order.js';

describe('the order of addresses in plans and reports', () => {
  it('registry-wide settings first, in the order a reader meets them in the file, then repositories by name, each with its sub-addresses', () => {
    const expected = [
      'accountSetting["BASIC_SCAN_TYPE_VERSION"]',
      'accountSetting["REGISTRY_POLICY_SCOPE"]',
      'registry.policy',
      'registry.scanning',
      'registry.replication',
      'pullThroughCache["ecr-public"]',
      'pullThroughCache["hub"]',
      'creationTemplate["ROOT"]',
      'creationTemplate["team"]',
      'registry.signing',
      'registry.pullTimeUpdateExclusion["arn:aws:iam::123456789012:role/a"]',
      'registry.pullTimeUpdateExclusion["arn:aws:iam::123456789012:role/b"]',
      'repository["a"]',
      'repository["a"].tags',
      'repository["a"].policy',
      'repository["a"].lifecyclePolicy',
      'repository["a"].image["latest"]',
      'repository["a"].image["v1"]',
      'repository["a/b"]',
      'repository["a/b"].tags',
      'repository["b"]',
      'not an address',
    ];
    const shuffled = [...expected].reverse();
    expect(shuffled.sort(compareAddresses)).toEqual(expected);
  });

  it('is a total order: equal addresses compare 0, and swapping the arguments flips the sign', () => {
    expect(compareAddresses('repository["a"]', 'repository["a"]')).toBe(0);
    expect(compareAddresses('repository["a"]', 'repository["b"]')).toBe(-1);
    expect(compareAddresses('repository["b"]', 'repository["a"]')).toBe(1);
    expect(compareAddresses('repository["a"].image["v2"]', 'repository["a"].image["v10"]')).toBe(1);
    expect(compareAddresses('zzz', 'aaa')).toBe(1);
  });
});
