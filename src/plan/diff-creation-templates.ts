import type { CreationTemplate } from '../model/desired.js';
import type { Live } from '../model/live.js';
import type { JsonObject } from '../model/json.js';
import type { Change } from '../model/plan.js';
import { address } from '../model/address.js';
import { partitionOf } from '../normalize/partition.js';
import { creationTemplateDocument } from '../normalize/registry-settings.js';
import type { DiffResult } from './diff-repository.js';
import { makeChange, sameDocument } from './make-change.js';
import { liveCreationTemplateDocument } from './registry-documents.js';

/**
 * Repository creation templates by prefix. Managed only when the key is
 * present (`declared` defined); then it is the whole truth: a declared prefix
 * is created or updated (every field can change in place), a live template no
 * file declares is deleted. Policies compare normalized, as repository
 * policies do, and are sent as the files write them (`written`).
 */
/** The template's policies as the files write them: what apply sends (Change.written); none when it has no policy. */
function writtenPolicies(template: CreationTemplate): JsonObject | undefined {
  if (!template.repositoryPolicy && !template.lifecyclePolicy) return undefined;
  return { repositoryPolicy: template.repositoryPolicy, lifecyclePolicy: template.lifecyclePolicy };
}

export function diffCreationTemplates(declared: Record<string, CreationTemplate> | undefined, live: Live): DiffResult {
  if (!declared) return { changes: [], unchanged: 0 };
  const changes: Change[] = [];
  let unchanged = 0;
  for (const prefix of Object.keys(declared).sort()) {
    const before = liveCreationTemplateDocument(live, prefix);
    const after = creationTemplateDocument(declared[prefix], partitionOf(live.region));
    // A template that does not exist (before null) is never the same document.
    if (sameDocument(before, after)) {
      unchanged += 1;
      continue;
    }
    const action = before === null ? 'create' : 'update';
    const calls = [before === null ? 'CreateRepositoryCreationTemplate' : 'UpdateRepositoryCreationTemplate'];
    const written = writtenPolicies(declared[prefix]);
    changes.push(makeChange({ address: address.creationTemplate(prefix), kind: 'creationTemplate', action, before, after, written, calls }));
  }
  for (const prefix of Object.keys(live.registry.creationTemplates ?? {}).sort()) {
    if (Object.hasOwn(declared, prefix)) continue;
    changes.push(
      makeChange({
        address: address.creationTemplate(prefix),
        kind: 'creationTemplate',
        action: 'delete',
        before: liveCreationTemplateDocument(live, prefix),
        after: null,
        calls: ['DeleteRepositoryCreationTemplate'],
      }),
    );
  }
  return { changes, unchanged };
}
