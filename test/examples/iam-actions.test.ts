import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from '../helpers/run-cli.js';

/**
 * The README's IAM lists are what a team pastes into its roles: they must
 * name every ECR operation ecrform calls (or the role fails at run time),
 * reads in the plan role, and only operations that ECR's published API model
 * (botocore's, installed with moto) has.
 */

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every `new XCommand(` of the ECR client in src/. */
const CALLED = new Set(
  sources(join(ROOT, 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .filter((text) => text.includes("'@aws-sdk/client-ecr'"))
    .flatMap((text) => [...text.matchAll(/new (\w+)Command\(/g)].map((m) => m[1])),
);

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('#### IAM permissions'));
const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].slice(0, 2).map((m) => JSON.parse(m[1]) as { Action: string[] });
const [PLAN_ROLE, APPLY_ROLE] = blocks.map((b) => b.Action.map((a) => a.replace(/^ecr:/, '')));

const botocore = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();
const MODEL = JSON.parse(gunzipSync(readFileSync(join(botocore, 'data', 'ecr', '2015-09-21', 'service-2.json.gz'))).toString()) as { operations: object };
const ECR_OPERATIONS = new Set(Object.keys(MODEL.operations));

const isRead = (op: string) => /^(Describe|Get|List)/.test(op);

describe("README's IAM actions", () => {
  it('src/ calls the ECR client (the scan finds its commands)', () => {
    expect(CALLED.size).toBeGreaterThan(20);
  });

  it('the plan role lists every read ecrform makes, and only reads', () => {
    const missing = [...CALLED].filter(isRead).filter((op) => !PLAN_ROLE.includes(op));
    expect(missing, 'add these to the plan role in README.md ("IAM permissions")').toEqual([]);
    expect(PLAN_ROLE.filter((op) => !isRead(op))).toEqual([]);
  });

  it('the apply role lists every write ecrform makes', () => {
    const missing = [...CALLED].filter((op) => !isRead(op)).filter((op) => !APPLY_ROLE.includes(op));
    expect(missing, 'add these to the apply role in README.md ("IAM permissions")').toEqual([]);
  });

  it('every listed action is an ECR operation that ecrform calls', () => {
    for (const op of [...PLAN_ROLE, ...APPLY_ROLE]) {
      expect(ECR_OPERATIONS.has(op), `${op} is not in ECR's API model`).toBe(true);
      expect(CALLED.has(op), `${op} is listed but ecrform never calls it`).toBe(true);
    }
  });
});
