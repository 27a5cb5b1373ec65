import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/config/suggest.js';
import { diagnoseYaml, only, pos } from './helpers.js';

/*
 * A misspelt value is answered with the closest allowed one. When two are as
 * close, the one that keeps the written word's start wins, then the longer:
 * IMUTABLE is one edit from MUTABLE and from IMMUTABLE, and means IMMUTABLE.
 */

describe('did you mean, on a tie', () => {
  it('imageTagMutability: IMUTABLE suggests IMMUTABLE', async () => {
    const text = 'version: 1\nrepositories:\n  app:\n    imageTagMutability: IMUTABLE\n';
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, 'IMUTABLE')}: repositories.app.imageTagMutability must be one of MUTABLE, IMMUTABLE, MUTABLE_WITH_EXCLUSION, IMMUTABLE_WITH_EXCLUSION, not the string "IMUTABLE"; did you mean "IMMUTABLE"?`,
    );
  });

  it('whatever the order of the candidates', () => {
    expect(closestMatch('IMUTABLE', ['IMMUTABLE', 'MUTABLE'])).toBe('IMMUTABLE');
    expect(closestMatch('IMUTABLE', ['MUTABLE', 'IMMUTABLE'])).toBe('IMMUTABLE');
  });

  it('the same start first, then the longer', () => {
    // One edit from each, both keeping its start "scan": the longer wins.
    expect(closestMatch('scanz', ['scan', 'scans'])).toBe('scans');
    expect(closestMatch('scanz', ['scans', 'scan'])).toBe('scans');
    // One edit from each: the one keeping the written start wins, though no longer.
    expect(closestMatch('abcdx', ['bcdx', 'abcd'])).toBe('abcd');
    expect(closestMatch('abcdx', ['abcd', 'bcdx'])).toBe('abcd');
  });

  it('a closer candidate still wins over a tie-breaker', () => {
    expect(closestMatch('mutable', ['IMMUTABLE', 'MUTABLE'])).toBe('MUTABLE');
  });
});
