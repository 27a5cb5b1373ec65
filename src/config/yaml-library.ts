import { createRequire } from 'node:module';

type YamlLibrary = typeof import('yaml');
let library: YamlLibrary | undefined;

/**
 * The `yaml` library, loaded on first use. It keeps a node per value, which only
 * a message with a line and column needs; loading it is a fifth of a second of
 * start-up that a valid file never pays (js-yaml reads the values, fast-yaml.ts).
 * A bundle sees the plain `require` call and includes the library; Node's own
 * ES modules have no `require`, so one is made for this module.
 */
export function yamlLibrary(): YamlLibrary {
  library ??= (typeof require === 'function' ? require('yaml') : createRequire(import.meta.url)('yaml')) as YamlLibrary;
  return library;
}
