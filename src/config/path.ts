/**
 * A path to a node of a parsed document: map keys and list indexes, from the root.
 * Diagnostics carry it as a JSON pointer; messages show it the way a reader writes it.
 */
export type Path = ReadonlyArray<string | number>;

/** RFC 6901 pointer: /repositories/team-a~1api/tags. */
export function toPointer(path: Path): string {
  return path.map((seg) => '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** How a reader names a node: repositories.team-a/api.tags, registry.replication.rules[0]. */
export function describePath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? 'the top level' : out;
}

/** Parses an ajv instancePath (a JSON pointer) back into segments; numeric segments of lists become numbers. */
export function fromPointer(pointer: string, root: unknown): Array<string | number> {
  if (pointer === '') return [];
  const segments = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const out: Array<string | number> = [];
  let node: unknown = root;
  for (const seg of segments) {
    if (Array.isArray(node)) {
      const index = Number(seg);
      out.push(index);
      node = node[index];
    } else {
      out.push(seg);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}
