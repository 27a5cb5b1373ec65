import pLimit, { type LimitFunction } from 'p-limit';
import { createEcrClient } from '../ecr/client.js';
import { PORT_OPERATIONS, type EcrPort } from '../ecr/port.js';
import { createSdkPort } from '../ecr/sdk-port.js';
import { debugPort } from '../ecr/wrap-port.js';
import { EcrformError } from '../errors.js';
import { countCalls } from '../commands/count-calls.js';
import { checkEndpoint, checkProfile, type Connection, type ConnectionOptions } from '../commands/connect.js';
import { namePortFailures } from '../ecr/name-failures.js';
import { roleCredentials } from './assume-role.js';

/** What a run knows of a registry before connecting: from its files. */
export interface RegistryTarget {
  /** The id from the files ("ACCOUNT/REGION", `?` for a part left to the chain): names it in --debug lines. */
  id: string;
  region?: string;
  roleArn?: string;
  externalId?: string;
}

export interface RunHooks {
  /** Where --debug lines go. */
  debugLine: (line: string) => void;
  /** An API call started (+1) or ended (-1), for the terminal view. */
  onCall?: (delta: 1 | -1) => void;
}

type AnyCall = (input: unknown) => Promise<unknown>;

/** Every call of the port through the run's one pool. */
function throughPool(port: EcrPort, limit: LimitFunction): EcrPort {
  const wrapped: Record<string, AnyCall> = {};
  for (const name of PORT_OPERATIONS) {
    const call = (port[name] as AnyCall).bind(port);
    wrapped[name] = (input) => limit(() => call(input));
  }
  return wrapped as unknown as EcrPort;
}

/**
 * Connects the registries of one run. All their calls share one pool of
 * --concurrency calls in flight, so a run over many registries never has more
 * on the wire than a run over one, and no registry more than --concurrency.
 * With several registries, or an assumed role, each --debug line names the
 * registry and the role the call used (never a credential); one registry
 * reached with the default chain logs exactly as before.
 */
export function registryConnector(options: ConnectionOptions, hooks: RunHooks, several: boolean) {
  const pool = pLimit(options.concurrency);
  const credentialsFor = roleCredentials();
  const connectOne = async (target: RegistryTarget): Promise<Connection> => {
    if (target.region && options.region && target.region !== options.region) {
      throw new EcrformError(
        'REGION_MISMATCH',
        `--region ${options.region} differs from registry.region ${target.region} in the files; drop --region or change the files`,
      );
    }
    if (options.endpoint !== undefined) checkEndpoint(options.endpoint);
    const regionHint = target.region ?? options.region;
    const tag = several || target.roleArn ? `${several ? `${target.id} ` : ''}${target.roleArn ? `as ${target.roleArn} ` : ''}` : '';
    const debugLine = (line: string) => hooks.debugLine(line.replace(/^\[debug\] /, `[debug] ${tag}`));
    const client = createEcrClient({
      region: regionHint,
      profile: options.profile,
      endpoint: options.endpoint,
      credentials:
        target.roleArn && regionHint
          ? credentialsFor({
              roleArn: target.roleArn,
              externalId: target.externalId,
              region: regionHint,
              profile: options.profile,
              debugLine: options.debug ? hooks.debugLine : undefined,
            })
          : undefined,
    });
    let region: string;
    try {
      region = await client.config.region();
    } catch {
      throw new EcrformError('INVALID_ARGUMENT', 'no AWS region: set registry.region in the files, pass --region, or set AWS_REGION');
    }
    if (target.roleArn && !regionHint) {
      // The role's STS region is the one the chain gave; a client made with it assumes the role there.
      client.destroy();
      return connectOne({ ...target, region });
    }
    // With a role, the profile's credentials are checked when the role is assumed.
    if (options.profile && !target.roleArn) await checkProfile(client, options.profile);
    // A failed call names the operation and the endpoint: an unreachable or non-ECR endpoint is one line, never "a bug".
    let port = namePortFailures(createSdkPort(client), options.endpoint ?? `ECR in ${region}`);
    if (options.debug) port = debugPort(port, debugLine);
    if (hooks.onCall) port = countCalls(port, hooks.onCall);
    return { port: throughPool(port, pool), region };
  };
  return connectOne;
}
