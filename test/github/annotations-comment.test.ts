import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/commands/report-error.js';
import { ConfigError, PlanTimeError } from '../../src/errors.js';
import { annotationLines, errorCommand } from '../../src/github/annotations.js';
import { COMMENT_LIMIT, commentBody, commentMarker, fitComment } from '../../src/github/comment.js';
import { splitArgs } from '../../src/github/inputs.js';
import { fakeIo } from '../commands/fake-io.js';

const D = { file: 'registry/a,b.yaml', line: 4, col: 5, path: '/x', message: 'unknown key "scanOnPus"\n100% wrong' };

describe('workflow command annotations', () => {
  it('escape what GitHub would read as syntax', () => {
    expect(errorCommand(D)).toBe('::error file=registry/a%2Cb.yaml,line=4,col=5::unknown key "scanOnPus"%0A100%25 wrong');
  });

  it('only under GitHub Actions, with paths relative to the workspace', () => {
    expect(annotationLines([D], {})).toBe('');
    expect(annotationLines([{ ...D, file: '/ws/registry/main.yaml' }], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '/ws' })).toMatch(/^::error file=registry\/main\.yaml,line=4,col=5::/);
    expect(annotationLines([{ ...D, file: 'main.yaml' }], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '/ws' }, '/ws/registry')).toMatch(/^::error file=registry\/main\.yaml,/);
  });

  it('every problem with a file and line is reported as one, next to the usual message', () => {
    const io = fakeIo({ env: { GITHUB_ACTIONS: 'true' } });
    expect(reportError(new ConfigError([D, { ...D, line: 9, message: 'second' }]), io, false)).toBe(1);
    expect(io.err).toContain('registry/a,b.yaml:4:5: unknown key');
    expect(io.err.split('\n').filter((l) => l.startsWith('::error '))).toHaveLength(2);
    const plain = fakeIo();
    reportError(new ConfigError([D]), plain, false);
    expect(plain.err).not.toContain('::error');
  });

  it('a problem found when planning (a pin that cannot be met) is annotated at its line too', () => {
    const io = fakeIo({ env: { GITHUB_ACTIONS: 'true' } });
    expect(reportError(new PlanTimeError([{ ...D, message: 'image tag "v1" is not in the repository; push it first' }]), io, false)).toBe(1);
    expect(io.err).toContain('::error file=registry/a%2Cb.yaml,line=4,col=5::image tag "v1" is not in the repository; push it first');
    expect(io.err).toContain('1 problem found when planning; nothing was changed.');
  });
});

describe('the pull-request comment', () => {
  it('is cut to GitHub\'s limit at a line, closing an open code fence, saying so', () => {
    const body = `${commentMarker('plan', ['r.yaml'])}\n` + '````text\n' + 'line of a very long error\n'.repeat(5_000);
    const fitted = fitComment(body);
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(fitted).toMatch(/line of a very long error\n````\n\n> \*\*Cut\*\* to fit GitHub's comment limit/);
    expect(fitComment('short')).toBe('short');
  });

  it('a failure shows the error without workflow commands and never a report', () => {
    const body = commentBody({ command: 'plan', files: ['r.yaml'], code: 1, report: '', stderr: 'r.yaml:1:1: bad\n::error file=r.yaml,line=1,col=1::bad\n1 problem found\n' });
    expect(body).toContain('### ❌ ecrform plan failed');
    expect(body).toContain('```text\nr.yaml:1:1: bad\n1 problem found\n```');
    expect(body).not.toContain('::error');
  });

  it('the marker depends on the command and the set of files, not their order', () => {
    expect(commentMarker('plan', ['a', 'b'])).toBe(commentMarker('plan', ['b', 'a']));
    expect(commentMarker('plan', ['a'])).not.toBe(commentMarker('plan', ['a', 'b']));
    expect(commentMarker('plan', ['a'])).not.toBe(commentMarker('drift', ['a']));
  });
});

describe('the args input', () => {
  it('is split like shell words, quotes kept together, nothing expanded', () => {
    expect(splitArgs(`--target 'repository["team-a/*"]' --max-deletes 3 "$HOME"`)).toEqual(['--target', 'repository["team-a/*"]', '--max-deletes', '3', '$HOME']);
    expect(splitArgs('  ')).toEqual([]);
    expect(() => splitArgs(`--target 'open`)).toThrow(/unclosed '/);
  });
});
