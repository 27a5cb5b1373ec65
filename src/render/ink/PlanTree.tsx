import { Box, Text } from 'ink';
import type { Plan } from '../../model/plan.js';
import { describeChanges, type ViewOptions } from '../change-details.js';
import { groupChanges, type ChangeGroup } from '../group-changes.js';
import type { DetailLine } from '../compact/detail-line.js';
import type { Change } from '../../model/plan.js';
import { hasChanges, planSummaryLine } from '../summary.js';
import { ChangeNode } from './ChangeNode.js';
import { Tone } from './Tone.js';

/** One branch of the tree: the registry settings, or one repository, with its changes. */
export function GroupNode({ group, details }: { group: ChangeGroup; details: Map<Change, DetailLine[]> }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Tone bold>{group.title}</Tone>
      {group.changes.map((change, i) => (
        <ChangeNode key={change.address} change={change} details={details.get(change) ?? []} last={i === group.changes.length - 1} />
      ))}
    </Box>
  );
}

/**
 * The plan as a tree: registry settings, then each repository, each change
 * with its marks and details; then the summary line.
 */
export function PlanTree({ plan, options }: { plan: Plan; options?: ViewOptions }) {
  const groups = groupChanges(plan.changes);
  const details = describeChanges(plan.changes, plan.createdAt, options);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        ecrform plan for registry {plan.registry.accountId} ({plan.registry.region})
      </Text>
      {!hasChanges(plan.summary) && <Text>No changes. The live registry matches the files.</Text>}
      {groups.map((group) => (
        <GroupNode key={group.title} group={group} details={details} />
      ))}
      <Box marginTop={1}>
        <Tone bold>{planSummaryLine(plan)}</Tone>
      </Box>
    </Box>
  );
}
