import type { Change } from '../model/plan.js';
import { describeChange, describeContext, type DescribeContext } from './compact/describe-change.js';
import type { DetailLine } from './compact/detail-line.js';

export type { DetailLine, DetailTone } from './compact/detail-line.js';
export { describeExpiry, formatBytes, EXPIRY_IMAGES_SHOWN } from './compact/expiry-lines.js';
export { describeChanges, type ViewOptions } from './compact/describe-change.js';

/**
 * No clock: the renderers never read the time themselves (they stay pure and
 * their output the same on every run). Given no `now`, an expiring image's
 * age is its push date (`pushed 2026-10-19`) instead of `pushed 41 days ago`.
 */
export const NO_CLOCK = '';

/**
 * One change's detail lines, on its own (a drift entry, a single block). A
 * whole plan goes through describeChanges, so a document repeated across
 * repositories is said once.
 */
export function changeDetails(change: Change, ctx: DescribeContext = describeContext([change], NO_CLOCK)): DetailLine[] {
  return describeChange(change, ctx);
}

/** A detail line as text: the mark, then the text indented two spaces a level (`+   Effect: Allow`). */
export function formatDetail(line: DetailLine): string {
  return line.tone === 'hunk' ? line.text : `${line.mark} ${'  '.repeat(line.indent ?? 0)}${line.text}`;
}

export const ACTION_MARK: Record<Change['action'], string> = { create: '+', update: '~', delete: '-', replace: '±' };

/** "create", "update (adopt)", "delete (prune)". */
export function actionLabel(change: Change): string {
  return change.reason ? `${change.action} (${change.reason})` : change.action;
}
