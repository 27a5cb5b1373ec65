import { describe, expect, it } from 'vitest';
import { normalizePolicy } from '../../src/normalize/policy.js';

/*
 * Statements with a Sid come first, by Sid; those without follow, by text.
 * A statement without a Sid next to one whose Sid reads as a number ("1")
 * must still sort the same way whichever order the document lists them in,
 * or ECR's reordering of a policy would show as a spurious diff.
 */
describe('statements with and without a Sid', () => {
  const named = { Sid: '1', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'ecr:BatchGetImage' };
  const unnamed = { Effect: 'Deny', Principal: '*', Action: 'ecr:DeleteRepository' };

  it('normalize to one order whatever order they are written in, the one with a Sid first', () => {
    const a = normalizePolicy({ Version: '2012-10-17', Statement: [unnamed, named] });
    const b = normalizePolicy({ Version: '2012-10-17', Statement: [named, unnamed] });
    expect(a).toEqual(b);
    expect((a.Statement as Array<{ Sid?: string }>).map((s) => s.Sid ?? null)).toEqual(['1', null]);
  });
});
