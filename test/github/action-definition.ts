import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run-cli.js';

export interface ActionStep {
  name: string;
  id?: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

export interface ActionDefinition {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string; description: string }>;
  runs: { using: string; steps: ActionStep[] };
}

/** action.yml at the repository root, parsed. */
export const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionDefinition;
export const ACTION_INPUTS = Object.keys(ACTION.inputs);
