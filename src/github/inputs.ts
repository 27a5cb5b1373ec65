/** The action's inputs, as action.yml passes them to the step's environment (INPUT_*). */
export type ActionCommand = 'plan' | 'apply' | 'drift';

export interface ActionInputs {
  command: ActionCommand;
  files: string[];
  args: string[];
  planFile: string;
  comment: boolean;
  token: string;
}

/**
 * Splits the `args` input as a shell would split plain words and quoted
 * strings (`--target 'repository["team-a/api"]'`), without running a shell:
 * nothing in it is expanded or executed.
 */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (/\s/.test(ch)) {
      if (word !== null) out.push(word);
      word = null;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) throw new Error(`the args input has an unclosed ${quote}`);
  if (word !== null) out.push(word);
  return out;
}

export function readInputs(env: Record<string, string | undefined>): ActionInputs {
  const get = (name: string) => (env[`INPUT_${name}`] ?? '').trim();
  const command = get('COMMAND') || 'plan';
  if (command !== 'plan' && command !== 'apply' && command !== 'drift') {
    throw new Error(`the command input is "${command}"; use plan, apply or drift`);
  }
  const files = get('FILES')
    .split('\n')
    .map((f) => f.trim())
    .filter(Boolean);
  const comment = get('COMMENT').toLowerCase();
  if (comment && comment !== 'true' && comment !== 'false') throw new Error(`the comment input is "${comment}"; use true or false`);
  return {
    command,
    files: files.length ? files : ['registry.yaml'],
    args: splitArgs(get('ARGS')),
    planFile: get('PLAN_FILE'),
    comment: comment === 'true',
    token: get('GITHUB_TOKEN'),
  };
}
