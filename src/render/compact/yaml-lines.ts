import { Document, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import type { Json } from '../../model/json.js';

/** A list or map of scalars this short (as flow YAML) stays on one line: `Action: [ecr:A, ecr:B]`. */
const FLOW_MAX = 72;

const OPTIONS = { version: '1.1', lineWidth: 0, flowCollectionPadding: false, aliasDuplicateObjects: false } as const;

function allScalars(node: Node): boolean {
  if (isSeq(node)) return node.items.every((item) => isScalar(item));
  if (isMap(node)) return node.items.every((pair) => isScalar(pair.value));
  return false;
}

/** A YAML document of `value`, with short collections of scalars in flow style. */
function yamlDocument(value: Json): Document {
  const doc = new Document(value, OPTIONS);
  visit(doc, {
    Seq(_, node) {
      if (allScalars(node) && node.items.length > 0 && String(new Document(node, OPTIONS)).length <= FLOW_MAX) node.flow = true;
    },
    Map(_, node) {
      if (node !== doc.contents && allScalars(node) && node.items.length > 0 && String(new Document(node, OPTIONS)).length <= FLOW_MAX) node.flow = true;
    },
  });
  return doc;
}

/**
 * `value` as block YAML lines, in its own key order: how a person writes a
 * policy in a registry file. Strings that YAML 1.1 would read as something
 * else (`"2012-10-17"`, `"4201"`, `"yes"`) stay quoted, as the schema asks.
 */
export function yamlLines(value: Json): string[] {
  return yamlDocument(value).toString(OPTIONS).replace(/\n$/, '').split('\n');
}

/** One value on one line, as YAML writes it in flow: `IMMUTABLE`, `"4201"`, `[latest, staging-*]`. */
export function yamlInline(value: Json | undefined): string {
  if (value === undefined) return '(none)';
  const doc = new Document(value, OPTIONS);
  visit(doc, {
    Seq(_, node) {
      node.flow = true;
    },
    Map(_, node) {
      node.flow = true;
    },
  });
  return doc.toString(OPTIONS).replace(/\n$/, '');
}
