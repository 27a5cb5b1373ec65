/**
 * API calls in flight at once, by default (`--concurrency`). ECR publishes request
 * rates only for the image push and pull APIs (BatchGetImage 2,000 a second, PutImage
 * 10, per account and Region); the reads a plan makes (DescribeRepositories,
 * ListTagsForResource, Get*Policy, DescribeImages) have no published rate and are
 * throttled with ThrottlingException when an account asks too fast. 16 calls keep
 * five or six repositories' reads (three each, sent together) in flight: at 50 ms a
 * call that is about 300 calls a second, and where ECR answers slower or throttles,
 * the client's adaptive retry mode (client.ts) lowers the rate to what ECR accepts.
 * The README's "Concurrency" section says the same for users.
 */
export const DEFAULT_CONCURRENCY = 16;
