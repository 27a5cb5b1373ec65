import type {
  DescribeRepositoriesCommandInput,
  DescribeRepositoriesCommandOutput,
  ListTagsForResourceCommandInput,
  ListTagsForResourceCommandOutput,
  GetRepositoryPolicyCommandInput,
  GetRepositoryPolicyCommandOutput,
  GetLifecyclePolicyCommandInput,
  GetLifecyclePolicyCommandOutput,
  DescribeImagesCommandInput,
  DescribeImagesCommandOutput,
  CreateRepositoryCommandInput,
  CreateRepositoryCommandOutput,
  DeleteRepositoryCommandInput,
  DeleteRepositoryCommandOutput,
  PutImageTagMutabilityCommandInput,
  PutImageTagMutabilityCommandOutput,
  PutImageScanningConfigurationCommandInput,
  PutImageScanningConfigurationCommandOutput,
  TagResourceCommandInput,
  TagResourceCommandOutput,
  UntagResourceCommandInput,
  UntagResourceCommandOutput,
  SetRepositoryPolicyCommandInput,
  SetRepositoryPolicyCommandOutput,
  DeleteRepositoryPolicyCommandInput,
  DeleteRepositoryPolicyCommandOutput,
  PutLifecyclePolicyCommandInput,
  PutLifecyclePolicyCommandOutput,
  DeleteLifecyclePolicyCommandInput,
  DeleteLifecyclePolicyCommandOutput,
  BatchGetImageCommandInput,
  BatchGetImageCommandOutput,
  PutImageCommandInput,
  PutImageCommandOutput,
  GetRegistryPolicyCommandInput,
  GetRegistryPolicyCommandOutput,
  PutRegistryPolicyCommandInput,
  PutRegistryPolicyCommandOutput,
  DeleteRegistryPolicyCommandInput,
  DeleteRegistryPolicyCommandOutput,
  GetRegistryScanningConfigurationCommandInput,
  GetRegistryScanningConfigurationCommandOutput,
  PutRegistryScanningConfigurationCommandInput,
  PutRegistryScanningConfigurationCommandOutput,
  DescribeRegistryCommandInput,
  DescribeRegistryCommandOutput,
  PutReplicationConfigurationCommandInput,
  PutReplicationConfigurationCommandOutput,
  DescribePullThroughCacheRulesCommandInput,
  DescribePullThroughCacheRulesCommandOutput,
  CreatePullThroughCacheRuleCommandInput,
  CreatePullThroughCacheRuleCommandOutput,
  UpdatePullThroughCacheRuleCommandInput,
  UpdatePullThroughCacheRuleCommandOutput,
  DeletePullThroughCacheRuleCommandInput,
  DeletePullThroughCacheRuleCommandOutput,
  DescribeRepositoryCreationTemplatesCommandInput,
  DescribeRepositoryCreationTemplatesCommandOutput,
  CreateRepositoryCreationTemplateCommandInput,
  CreateRepositoryCreationTemplateCommandOutput,
  UpdateRepositoryCreationTemplateCommandInput,
  UpdateRepositoryCreationTemplateCommandOutput,
  DeleteRepositoryCreationTemplateCommandInput,
  DeleteRepositoryCreationTemplateCommandOutput,
  GetAccountSettingCommandInput,
  GetAccountSettingCommandOutput,
  PutAccountSettingCommandInput,
  PutAccountSettingCommandOutput,
  PutSigningConfigurationCommandInput,
  PutSigningConfigurationCommandOutput,
  GetSigningConfigurationCommandInput,
  GetSigningConfigurationCommandOutput,
  DeleteSigningConfigurationCommandInput,
  DeleteSigningConfigurationCommandOutput,
  RegisterPullTimeUpdateExclusionCommandInput,
  RegisterPullTimeUpdateExclusionCommandOutput,
  DeregisterPullTimeUpdateExclusionCommandInput,
  DeregisterPullTimeUpdateExclusionCommandOutput,
  ListPullTimeUpdateExclusionsCommandInput,
  ListPullTimeUpdateExclusionsCommandOutput,
} from '@aws-sdk/client-ecr';

/**
 * The ECR operations ecrform uses, and nothing more. Plan and apply are tested
 * against fakes of this port; the SDK implementation (sdk-port.ts) against moto.
 */
export interface EcrPort {
  describeRepositories(input: DescribeRepositoriesCommandInput): Promise<DescribeRepositoriesCommandOutput>;
  listTagsForResource(input: ListTagsForResourceCommandInput): Promise<ListTagsForResourceCommandOutput>;
  getRepositoryPolicy(input: GetRepositoryPolicyCommandInput): Promise<GetRepositoryPolicyCommandOutput>;
  getLifecyclePolicy(input: GetLifecyclePolicyCommandInput): Promise<GetLifecyclePolicyCommandOutput>;
  describeImages(input: DescribeImagesCommandInput): Promise<DescribeImagesCommandOutput>;
  createRepository(input: CreateRepositoryCommandInput): Promise<CreateRepositoryCommandOutput>;
  deleteRepository(input: DeleteRepositoryCommandInput): Promise<DeleteRepositoryCommandOutput>;
  putImageTagMutability(input: PutImageTagMutabilityCommandInput): Promise<PutImageTagMutabilityCommandOutput>;
  putImageScanningConfiguration(input: PutImageScanningConfigurationCommandInput): Promise<PutImageScanningConfigurationCommandOutput>;
  tagResource(input: TagResourceCommandInput): Promise<TagResourceCommandOutput>;
  untagResource(input: UntagResourceCommandInput): Promise<UntagResourceCommandOutput>;
  setRepositoryPolicy(input: SetRepositoryPolicyCommandInput): Promise<SetRepositoryPolicyCommandOutput>;
  deleteRepositoryPolicy(input: DeleteRepositoryPolicyCommandInput): Promise<DeleteRepositoryPolicyCommandOutput>;
  putLifecyclePolicy(input: PutLifecyclePolicyCommandInput): Promise<PutLifecyclePolicyCommandOutput>;
  deleteLifecyclePolicy(input: DeleteLifecyclePolicyCommandInput): Promise<DeleteLifecyclePolicyCommandOutput>;
  batchGetImage(input: BatchGetImageCommandInput): Promise<BatchGetImageCommandOutput>;
  putImage(input: PutImageCommandInput): Promise<PutImageCommandOutput>;
  getRegistryPolicy(input: GetRegistryPolicyCommandInput): Promise<GetRegistryPolicyCommandOutput>;
  putRegistryPolicy(input: PutRegistryPolicyCommandInput): Promise<PutRegistryPolicyCommandOutput>;
  deleteRegistryPolicy(input: DeleteRegistryPolicyCommandInput): Promise<DeleteRegistryPolicyCommandOutput>;
  getRegistryScanningConfiguration(input: GetRegistryScanningConfigurationCommandInput): Promise<GetRegistryScanningConfigurationCommandOutput>;
  putRegistryScanningConfiguration(input: PutRegistryScanningConfigurationCommandInput): Promise<PutRegistryScanningConfigurationCommandOutput>;
  describeRegistry(input: DescribeRegistryCommandInput): Promise<DescribeRegistryCommandOutput>;
  putReplicationConfiguration(input: PutReplicationConfigurationCommandInput): Promise<PutReplicationConfigurationCommandOutput>;
  describePullThroughCacheRules(input: DescribePullThroughCacheRulesCommandInput): Promise<DescribePullThroughCacheRulesCommandOutput>;
  createPullThroughCacheRule(input: CreatePullThroughCacheRuleCommandInput): Promise<CreatePullThroughCacheRuleCommandOutput>;
  updatePullThroughCacheRule(input: UpdatePullThroughCacheRuleCommandInput): Promise<UpdatePullThroughCacheRuleCommandOutput>;
  deletePullThroughCacheRule(input: DeletePullThroughCacheRuleCommandInput): Promise<DeletePullThroughCacheRuleCommandOutput>;
  describeRepositoryCreationTemplates(input: DescribeRepositoryCreationTemplatesCommandInput): Promise<DescribeRepositoryCreationTemplatesCommandOutput>;
  createRepositoryCreationTemplate(input: CreateRepositoryCreationTemplateCommandInput): Promise<CreateRepositoryCreationTemplateCommandOutput>;
  updateRepositoryCreationTemplate(input: UpdateRepositoryCreationTemplateCommandInput): Promise<UpdateRepositoryCreationTemplateCommandOutput>;
  deleteRepositoryCreationTemplate(input: DeleteRepositoryCreationTemplateCommandInput): Promise<DeleteRepositoryCreationTemplateCommandOutput>;
  getAccountSetting(input: GetAccountSettingCommandInput): Promise<GetAccountSettingCommandOutput>;
  putAccountSetting(input: PutAccountSettingCommandInput): Promise<PutAccountSettingCommandOutput>;
  putSigningConfiguration(input: PutSigningConfigurationCommandInput): Promise<PutSigningConfigurationCommandOutput>;
  getSigningConfiguration(input: GetSigningConfigurationCommandInput): Promise<GetSigningConfigurationCommandOutput>;
  deleteSigningConfiguration(input: DeleteSigningConfigurationCommandInput): Promise<DeleteSigningConfigurationCommandOutput>;
  registerPullTimeUpdateExclusion(input: RegisterPullTimeUpdateExclusionCommandInput): Promise<RegisterPullTimeUpdateExclusionCommandOutput>;
  deregisterPullTimeUpdateExclusion(input: DeregisterPullTimeUpdateExclusionCommandInput): Promise<DeregisterPullTimeUpdateExclusionCommandOutput>;
  listPullTimeUpdateExclusions(input: ListPullTimeUpdateExclusionsCommandInput): Promise<ListPullTimeUpdateExclusionsCommandOutput>;
}

/** The port's method names, for wrappers that treat every call alike (debug log, pool). */
export const PORT_OPERATIONS = [
  'describeRepositories',
  'listTagsForResource',
  'getRepositoryPolicy',
  'getLifecyclePolicy',
  'describeImages',
  'createRepository',
  'deleteRepository',
  'putImageTagMutability',
  'putImageScanningConfiguration',
  'tagResource',
  'untagResource',
  'setRepositoryPolicy',
  'deleteRepositoryPolicy',
  'putLifecyclePolicy',
  'deleteLifecyclePolicy',
  'batchGetImage',
  'putImage',
  'getRegistryPolicy',
  'putRegistryPolicy',
  'deleteRegistryPolicy',
  'getRegistryScanningConfiguration',
  'putRegistryScanningConfiguration',
  'describeRegistry',
  'putReplicationConfiguration',
  'describePullThroughCacheRules',
  'createPullThroughCacheRule',
  'updatePullThroughCacheRule',
  'deletePullThroughCacheRule',
  'describeRepositoryCreationTemplates',
  'createRepositoryCreationTemplate',
  'updateRepositoryCreationTemplate',
  'deleteRepositoryCreationTemplate',
  'getAccountSetting',
  'putAccountSetting',
  'putSigningConfiguration',
  'getSigningConfiguration',
  'deleteSigningConfiguration',
  'registerPullTimeUpdateExclusion',
  'deregisterPullTimeUpdateExclusion',
  'listPullTimeUpdateExclusions',
] as const satisfies ReadonlyArray<keyof EcrPort>;
