// Builds the package's bin: src/cli.ts and everything it imports, bundled by
// esbuild into dist/bin, so an install needs no runtime dependency tree.
//
// Code splitting keeps start-up fast: each command, and ink/React for the
// terminal view, is imported lazily by src/cli.ts and becomes its own chunk,
// so `ecrform --version` loads only the entry chunk.
//
// All chunks sit in dist/bin, two levels below the package root, because
// src/version.ts and src/config/validate-schema.ts find package.json and
// schema/ by paths relative to their own file (../../).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bin');

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // The GitHub Action's entry (action.yml) runs the ecrform bin beside it.
  entryPoints: { ecrform: 'src/cli.ts', 'github-action': 'src/github/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  // Keep what the bin needs and nothing else; the bundle's own names stay
  // readable so a --debug stack trace still means something.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Dependencies written as CommonJS call require(); an ES module has none.
  banner: {
    js: "import { createRequire as __ecrformCreateRequire } from 'node:module'; const require = __ecrformCreateRequire(import.meta.url);",
  },
  // ink imports React's devtools only when DEV=true; they are not shipped.
  external: ['react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
});

const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.error(`bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB in dist/bin`);
