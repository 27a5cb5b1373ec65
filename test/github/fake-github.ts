import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  issue: number;
}

export interface FakeGitHub {
  /** GITHUB_API_URL for the code under test. */
  url: string;
  token: string;
  comments: FakeComment[];
  requests: { method: string; path: string }[];
  /** A comment by someone else, as a person would post it. */
  addComment(issue: number, body: string, login?: string): FakeComment;
  close(): Promise<void>;
}

/** GitHub's limit on a comment body, and the 422 it answers past it. */
const BODY_LIMIT = 65_536;

/**
 * A loopback stand-in for the GitHub REST API's issue comments, answering as
 * GitHub does: bearer token required, 30 per page by default, 422 for an
 * empty or too long body, 404 for an unknown comment.
 */
export async function startFakeGitHub(owner = 'acme', repo = 'registry', token = 'ghs_test-token'): Promise<FakeGitHub> {
  const comments: FakeComment[] = [];
  const requests: { method: string; path: string }[] = [];
  let nextId = 1000;
  const prefix = `/repos/${owner}/${repo}`;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const readBody = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return JSON.parse(text || '{}') as { body?: string };
  };
  const invalidBody = (body: string | undefined) =>
    typeof body !== 'string' || body.length === 0
      ? 'body cannot be blank'
      : body.length > BODY_LIMIT
        ? `body is too long (maximum is ${BODY_LIMIT} characters)`
        : undefined;
  const view = (c: FakeComment) => ({ id: c.id, body: c.body, user: c.user });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ method: req.method ?? '', path: url.pathname + url.search });
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { message: 'Bad credentials' });
    if (!url.pathname.startsWith(prefix)) return send(res, 404, { message: 'Not Found' });
    const path = url.pathname.slice(prefix.length);
    const list = /^\/issues\/(\d+)\/comments$/.exec(path);
    const one = /^\/issues\/comments\/(\d+)$/.exec(path);
    if (list && req.method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const mine = comments.filter((c) => c.issue === Number(list[1]));
      return send(res, 200, mine.slice((page - 1) * perPage, page * perPage).map(view));
    }
    if (list && req.method === 'POST') {
      const { body } = await readBody(req);
      const invalid = invalidBody(body);
      if (invalid) return send(res, 422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: invalid }] });
      const c: FakeComment = { id: nextId++, body: body as string, user: { login: 'github-actions[bot]', type: 'Bot' }, issue: Number(list[1]) };
      comments.push(c);
      return send(res, 201, view(c));
    }
    if (one && req.method === 'PATCH') {
      const c = comments.find((x) => x.id === Number(one[1]));
      if (!c) return send(res, 404, { message: 'Not Found' });
      const { body } = await readBody(req);
      const invalid = invalidBody(body);
      if (invalid) return send(res, 422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: invalid }] });
      c.body = body as string;
      return send(res, 200, view(c));
    }
    return send(res, 404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    comments,
    requests,
    addComment(issue, body, login = 'a-reviewer') {
      const c = { id: nextId++, body, user: { login, type: 'User' }, issue };
      comments.push(c);
      return c;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
