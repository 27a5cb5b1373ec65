import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/*
 * ECR's published API model (botocore's ecr/2015-09-21/service-2.json, which
 * moto installs), used to check every request the moto tests send the way the
 * real ECR does: required members, types, enums, lengths, ranges and
 * patterns. moto accepts much that ECR refuses; a request that breaks the
 * model would fail on a real account, so it fails the test that sent it.
 */

interface Shape {
  type: string;
  required?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
}

interface ServiceModel {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, Shape>;
}

/** Where botocore keeps the ECR model; asks the python3 that has moto installed. */
function modelPath(): string {
  let dir: string;
  try {
    dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();
  } catch (err) {
    throw new Error(`the ECR model check needs botocore (installed with moto: pip install "moto[server]"): ${(err as Error).message}`);
  }
  return join(dir, 'data', 'ecr', '2015-09-21', 'service-2.json.gz');
}

let cached: ServiceModel | undefined;

/** The ECR service model; throws (failing the run loudly) when it is not installed. */
export function ecrModel(): ServiceModel {
  if (!cached) {
    const path = modelPath();
    let raw: Buffer;
    try {
      raw = readFileSync(path);
    } catch {
      throw new Error(`the ECR model check needs ${path} (botocore, installed with moto); it is missing`);
    }
    cached = JSON.parse(gunzipSync(raw).toString('utf8')) as ServiceModel;
  }
  return cached;
}

const patterns = new Map<string, RegExp>();
/** Smithy patterns are searched, not anchored (those that must match whole say ^...$). */
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source)));
  return re;
}

function lengthOf(value: string): number {
  // Smithy counts Unicode code points.
  return [...value].length;
}

function checkShape(model: ServiceModel, shapeName: string, value: unknown, path: string, out: string[]): void {
  const shape = model.shapes[shapeName];
  if (!shape) return void out.push(`${path}: unknown shape ${shapeName}`);
  const bounds = (size: number, what: string) => {
    if (shape.min !== undefined && size < shape.min) out.push(`${path}: ${what} ${size} is below the minimum ${shape.min} (${shapeName})`);
    if (shape.max !== undefined && size > shape.max) out.push(`${path}: ${what} ${size} is above the maximum ${shape.max} (${shapeName})`);
  };
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return void out.push(`${path}: must be an object (${shapeName})`);
      const obj = value as Record<string, unknown>;
      for (const name of shape.required ?? []) {
        if (obj[name] === undefined || obj[name] === null) out.push(`${path}.${name}: required member missing (${shapeName})`);
      }
      for (const [name, member] of Object.entries(obj)) {
        const spec = shape.members?.[name];
        if (!spec) out.push(`${path}.${name}: not a member of ${shapeName}`);
        else if (member !== undefined && member !== null) checkShape(model, spec.shape, member, `${path}.${name}`, out);
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) return void out.push(`${path}: must be a list (${shapeName})`);
      bounds(value.length, 'length');
      value.forEach((item, i) => checkShape(model, shape.member!.shape, item, `${path}[${i}]`, out));
      return;
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return void out.push(`${path}: must be a map (${shapeName})`);
      bounds(Object.keys(value).length, 'size');
      for (const [k, v] of Object.entries(value)) {
        checkShape(model, shape.key!.shape, k, `${path}{key ${k}}`, out);
        checkShape(model, shape.value!.shape, v, `${path}.${k}`, out);
      }
      return;
    case 'string':
      if (typeof value !== 'string') return void out.push(`${path}: must be a string (${shapeName})`);
      if (shape.enum && !shape.enum.includes(value)) out.push(`${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join(', ')} (${shapeName})`);
      bounds(lengthOf(value), 'length');
      if (shape.pattern && !patternOf(shape.pattern).test(value)) out.push(`${path}: ${JSON.stringify(value)} does not match ${shape.pattern} (${shapeName})`);
      return;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) return void out.push(`${path}: must be an integer (${shapeName})`);
      bounds(value, 'value');
      return;
    case 'double':
    case 'float':
      if (typeof value !== 'number') return void out.push(`${path}: must be a number (${shapeName})`);
      bounds(value, 'value');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') out.push(`${path}: must be a boolean (${shapeName})`);
      return;
    case 'timestamp':
      // The JSON protocol sends epoch seconds.
      if (typeof value !== 'number' && typeof value !== 'string') out.push(`${path}: must be a timestamp (${shapeName})`);
      return;
    case 'blob':
      if (typeof value !== 'string') out.push(`${path}: must be base64 text (${shapeName})`);
      bounds(Buffer.from(value as string, 'base64').length, 'size');
      return;
    default:
      out.push(`${path}: shape type ${shape.type} is not checked (${shapeName})`);
  }
}

/** The ways one request body breaks ECR's model; empty when it is a valid request. */
export function modelViolations(operation: string, body: unknown): string[] {
  const model = ecrModel();
  const op = model.operations[operation];
  if (!op) return [`${operation}: not an ECR operation`];
  const out: string[] = [];
  if (op.input) checkShape(model, op.input.shape, body ?? {}, operation, out);
  return out;
}
