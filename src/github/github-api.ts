/** The few GitHub REST calls the action makes, with fetch at GITHUB_API_URL. */
export interface IssueComment {
  id: number;
  body?: string;
  user?: { login?: string; type?: string } | null;
}

export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'GitHubApiError';
  }
}

export interface GitHubApi {
  listComments(issue: number): Promise<IssueComment[]>;
  createComment(issue: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
}

/** `repository` is OWNER/REPO; `apiUrl` is GITHUB_API_URL (https://api.github.com, or GitHub Enterprise's). */
export function gitHubApi(options: { apiUrl: string; repository: string; token: string; fetch?: typeof fetch }): GitHubApi {
  const doFetch = options.fetch ?? fetch;
  const base = `${options.apiUrl.replace(/\/+$/, '')}/repos/${options.repository}`;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await doFetch(base + path, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${options.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'ecrform-action',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      let message = text.slice(0, 500);
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message;
      } catch {
        // not JSON: keep the text
      }
      throw new GitHubApiError(res.status, `GitHub API ${method} ${path}: ${res.status} ${message}`);
    }
    return JSON.parse(text) as T;
  }
  return {
    async listComments(issue) {
      const all: IssueComment[] = [];
      for (let page = 1; ; page++) {
        const batch = await call<IssueComment[]>('GET', `/issues/${issue}/comments?per_page=100&page=${page}`);
        all.push(...batch);
        if (batch.length < 100) return all;
      }
    },
    createComment: (issue, body) => call('POST', `/issues/${issue}/comments`, { body }),
    updateComment: (id, body) => call('PATCH', `/issues/comments/${id}`, { body }),
  };
}
