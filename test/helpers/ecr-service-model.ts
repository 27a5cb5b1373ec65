import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/*
 * ECR's published API model (botocore's data/ecr/2015-09-21/service-2.json.gz,
 * installed with moto) as a request checker: does an input satisfy the
 * operation's input shape (required members, no unknown members, types,
 * string lengths and patterns, list sizes, integer ranges, enums)? For the
 * operations moto lacks, so mock and fake tests still prove that every request
 * ecrform sends is one ECR would accept.
 */

interface Shape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  enum?: string[];
  pattern?: string;
  min?: number;
  max?: number;
}
interface ServiceModel {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, Shape>;
}

let model: ServiceModel | undefined;

function loadModel(): ServiceModel {
  if (!model) {
    const dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();
    const file = join(dir, 'data', 'ecr', '2015-09-21', 'service-2.json.gz');
    model = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as ServiceModel;
  }
  return model;
}

function check(value: unknown, shapeName: string, path: string, problems: string[]): void {
  const shape = loadModel().shapes[shapeName];
  if (value === undefined) return;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return void problems.push(`${path}: must be a structure (${shapeName})`);
      const obj = value as Record<string, unknown>;
      for (const name of shape.required ?? []) if (obj[name] === undefined) problems.push(`${path}.${name}: required by ${shapeName}`);
      for (const [name, member] of Object.entries(obj)) {
        const spec = shape.members?.[name];
        if (!spec) problems.push(`${path}.${name}: not a member of ${shapeName}`);
        else check(member, spec.shape, `${path}.${name}`, problems);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return void problems.push(`${path}: must be a list (${shapeName})`);
      if (shape.min !== undefined && value.length < shape.min) problems.push(`${path}: at least ${shape.min} items (${shapeName}), has ${value.length}`);
      if (shape.max !== undefined && value.length > shape.max) problems.push(`${path}: at most ${shape.max} items (${shapeName}), has ${value.length}`);
      value.forEach((item, i) => check(item, shape.member?.shape ?? '', `${path}[${i}]`, problems));
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return void problems.push(`${path}: must be a string (${shapeName})`);
      if (shape.min !== undefined && value.length < shape.min) problems.push(`${path}: at least ${shape.min} characters (${shapeName})`);
      if (shape.max !== undefined && value.length > shape.max) problems.push(`${path}: at most ${shape.max} characters (${shapeName})`);
      if (shape.enum && !shape.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join(', ')} (${shapeName})`);
      if (shape.pattern && !new RegExp(shape.pattern, 'u').test(value)) problems.push(`${path}: ${JSON.stringify(value)} does not match ${shape.pattern} (${shapeName})`);
      return;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return void problems.push(`${path}: must be an integer (${shapeName})`);
      if (shape.min !== undefined && value < shape.min) problems.push(`${path}: at least ${shape.min} (${shapeName})`);
      if (shape.max !== undefined && value > shape.max) problems.push(`${path}: at most ${shape.max} (${shapeName})`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${path}: must be true or false (${shapeName})`);
      return;
    default:
      return; // timestamps, blobs, maps: ecrform sends none of these in the operations checked here
  }
}

/**
 * The ways `input` breaks the model's input shape of `operation` (a name such
 * as "PutSigningConfiguration"); empty when ECR's model accepts it. Throws for
 * an operation the model does not have.
 */
export function modelProblems(operation: string, input: unknown): string[] {
  const op = loadModel().operations[operation];
  if (!op) throw new Error(`ECR's model has no operation ${operation}`);
  const problems: string[] = [];
  if (op.input) check(input ?? {}, op.input.shape, operation, problems);
  return problems;
}
