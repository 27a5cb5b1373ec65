import type { Json } from '../../model/json.js';
import { OWNERSHIP_TAG_KEY } from '../../model/ownership.js';
import { isJsonObject } from '../../normalize/canonical-json.js';
import { line, type DetailLine } from './detail-line.js';
import { documentFields, fieldLines } from './field-diff.js';

/*
 * A repository the plan creates or deletes, folded to what a reviewer weighs
 * (`--full` shows every field). Said on every repository, these say nothing:
 * - encryption AES256: ECR's default, what a repository gets when no file
 *   asks otherwise (KMS is always shown);
 * - the ownership tag: every repository ecrform creates carries it;
 * - a deleted repository's settings and tags: they go with it; what cannot be
 *   undone, its images, is said on the warning or blocked line below it.
 * The tags a created repository takes are one line when they fit
 * (`tags: owner = "platform", team = "search"`): all of them are added, so a
 * mark per tag adds nothing; a tag update still shows one tag a line.
 */

/** Tags this long or shorter stay on one line (80 columns, less the gutter and mark). */
const TAGS_INLINE_MAX = 70;

const isDefaultEncryption = (v: Json | undefined) => isJsonObject(v) && Object.keys(v).length === 1 && v.type === 'AES256';

function tagsLines(tags: Json): DetailLine[] {
  if (!isJsonObject(tags)) return [];
  const shown = Object.entries(tags).filter(([k]) => k !== OWNERSHIP_TAG_KEY);
  if (!shown.length) return [];
  const inline = `tags: ${shown.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}`;
  if (inline.length <= TAGS_INLINE_MAX) return [line('+', inline)];
  return fieldLines('+', 'tags', Object.fromEntries(shown));
}

/** A created repository's fields, without what every created repository has. */
export function createdRepositoryFields(after: Json, full: boolean): DetailLine[] {
  if (full || !isJsonObject(after)) return documentFields('+', after);
  const rest = Object.fromEntries(Object.entries(after).filter(([k, v]) => k !== 'tags' && !(k === 'encryption' && isDefaultEncryption(v))));
  return [...documentFields('+', rest), ...tagsLines(after.tags)];
}

/** A deleted repository's fields: none unless --full (its images are said below it). */
export function deletedRepositoryFields(before: Json, full: boolean): DetailLine[] {
  return full ? documentFields('-', before) : [];
}
