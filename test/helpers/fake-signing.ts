import type { SigningConfiguration } from '@aws-sdk/client-ecr';
import type { EcrPort } from '../../src/ecr/port.js';
import { modelViolations } from './ecr-model.js';

function awsError(name: string, message: string): Error {
  const err = new Error(message);
  err.name = name;
  (err as unknown as { $metadata: object }).$metadata = {};
  return err;
}

/**
 * Managed signing and pull-time update exclusions, in memory, added to
 * another fake port (moto has neither). It answers as ECR's API reference
 * says: GetSigningConfiguration and DeleteSigningConfiguration throw
 * SigningConfigurationNotFoundException when there is none; registering a
 * listed principal throws ExclusionAlreadyExistsException and deregistering
 * an unlisted one ExclusionNotFoundException; ListPullTimeUpdateExclusions is
 * paged (`pageSize`). Every request is checked against ECR's published model
 * first and refused with a ValidationException naming what is wrong, as ECR
 * would refuse it.
 */
export function withFakeSigning(base: EcrPort, options: { accountId?: string; pageSize?: number; calls?: string[] } = {}) {
  const accountId = options.accountId ?? '123456789012';
  const pageSize = options.pageSize ?? 2;
  const calls = options.calls ?? [];
  const state = { signing: undefined as SigningConfiguration | undefined, exclusions: new Set<string>() };
  const ok = { $metadata: {} };
  const enter = (operation: string, input: unknown) => {
    calls.push(operation);
    const problems = modelViolations(operation, input);
    if (problems.length) throw awsError('ValidationException', problems.join('; '));
  };
  const noSigning = () => awsError('SigningConfigurationNotFoundException', `The signing configuration for registry '${accountId}' does not exist`);

  const port: EcrPort = {
    ...base,
    getSigningConfiguration: async (input) => {
      enter('GetSigningConfiguration', input);
      if (!state.signing) throw noSigning();
      return { registryId: accountId, signingConfiguration: structuredClone(state.signing), ...ok };
    },
    putSigningConfiguration: async (input) => {
      enter('PutSigningConfiguration', input);
      state.signing = structuredClone(input.signingConfiguration);
      return { signingConfiguration: structuredClone(state.signing), ...ok };
    },
    deleteSigningConfiguration: async (input) => {
      enter('DeleteSigningConfiguration', input);
      if (!state.signing) throw noSigning();
      const old = state.signing;
      state.signing = undefined;
      return { registryId: accountId, signingConfiguration: old, ...ok };
    },
    registerPullTimeUpdateExclusion: async (input) => {
      enter('RegisterPullTimeUpdateExclusion', input);
      const arn = input.principalArn ?? '';
      if (state.exclusions.has(arn)) throw awsError('ExclusionAlreadyExistsException', `${arn} is already excluded`);
      state.exclusions.add(arn);
      return { principalArn: arn, createdAt: new Date(), ...ok };
    },
    deregisterPullTimeUpdateExclusion: async (input) => {
      enter('DeregisterPullTimeUpdateExclusion', input);
      const arn = input.principalArn ?? '';
      if (!state.exclusions.delete(arn)) throw awsError('ExclusionNotFoundException', `${arn} is not excluded`);
      return { principalArn: arn, ...ok };
    },
    listPullTimeUpdateExclusions: async (input) => {
      enter('ListPullTimeUpdateExclusions', input);
      // ECR lists in its own order, not the order of registration.
      const all = [...state.exclusions].sort().reverse();
      const start = input.nextToken ? Number(input.nextToken) : 0;
      const size = Math.min(pageSize, input.maxResults ?? pageSize);
      const next = start + size < all.length ? String(start + size) : undefined;
      return { pullTimeUpdateExclusions: all.slice(start, start + size), nextToken: next, ...ok };
    },
  };
  return { port, state, calls };
}
