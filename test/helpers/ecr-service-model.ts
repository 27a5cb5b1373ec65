import { ecrModel, modelViolations } from './ecr-model.js';

/*
 * ECR's published API model as a request checker for the mock and fake tests
 * (operations moto lacks). One checker for every test: ecr-model.ts, which the
 * moto proxy uses for every request too.
 */

/**
 * The ways `input` breaks the model's input shape of `operation` (a name such
 * as "PutSigningConfiguration"); empty when ECR's model accepts it. Throws for
 * an operation the model does not have.
 */
export function modelProblems(operation: string, input: unknown): string[] {
  if (!ecrModel().operations[operation]) throw new Error(`ECR's model has no operation ${operation}`);
  return modelViolations(operation, input);
}
