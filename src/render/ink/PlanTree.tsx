import { Box, Text } from 'ink';
import type { Plan } from '../../model/plan.js';
import { groupChanges } from '../group-changes.js';
import { hasChanges, summaryLine } from '../summary.js';
import { ChangeNode } from './ChangeNode.js';
import { Tone } from './Tone.js';

/**
 * The plan as a tree: registry settings, then each repository, each change
 * with its marks and details; then the summary line.
 */
export function PlanTree({ plan }: { plan: Plan }) {
  const groups = groupChanges(plan.changes);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        ecrform plan for registry {plan.registry.accountId} ({plan.registry.region})
      </Text>
      {!hasChanges(plan.summary) && <Text>No changes. The live registry matches the files.</Text>}
      {groups.map((group) => (
        <Box key={group.title} flexDirection="column" marginTop={1}>
          <Tone bold>{group.title}</Tone>
          {group.changes.map((change, i) => (
            <ChangeNode key={change.address} change={change} last={i === group.changes.length - 1} />
          ))}
        </Box>
      ))}
      <Box marginTop={1}>
        <Tone bold>{summaryLine(plan.summary)}</Tone>
      </Box>
    </Box>
  );
}
