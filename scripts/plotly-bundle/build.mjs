// Builds a minified plotly.js with only the trace types named on the command line, plus a manifest beside it.
//
//   node build.mjs OUT_DIR TRACE...        (run by scripts/plotly-bundle.sh, which picks the traces and version)
//
// The bundle is plotly.js's own core (the scatter trace and every layout component) with the named traces
// registered on it, wrapped so that it defines `window.Plotly` like plotly.js's dist files do. As in the
// official dist bundles, attribute metadata that only the schema reads (descriptions and the like) is left out
// of plotly.js's sources, and the maplibre stylesheet (used only by map traces) is not bundled.

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const [outDir, ...traces] = process.argv.slice(2);
if (!outDir || traces.length === 0) {
    console.error('usage: node build.mjs OUT_DIR TRACE...  (e.g. ../../dashboard/assets bar heatmap scatter)');
    process.exit(2);
}
const plotly = path.dirname(require.resolve('plotly.js/package.json'));
const version = JSON.parse(await readFile(path.join(plotly, 'package.json'), 'utf8')).version;
for (const t of traces) {
    try {
        require.resolve(`plotly.js/lib/${t}`);
    } catch {
        console.error(`unknown plotly.js trace type '${t}': see ${path.join(plotly, 'lib')} for the names`);
        process.exit(2);
    }
}

// Keys of attribute declarations that nothing at plot time reads. Each is removed together with its value:
// a one-line string, an array, or an array joined into a string.
const META_KEYS = ['description', 'requiredOpts', 'otherOpts', 'role', 'hrName'];
const metaPatterns = META_KEYS.flatMap((key) => [
    new RegExp(`\\s*\\b${key}: \\[[\\s\\S]*?\\]\\.join\\([^)]*\\),?`, 'g'),
    new RegExp(`\\s*\\b${key}: \\[[\\s\\S]*?\\],?`, 'g'),
    new RegExp(`\\s*\\b${key}: '.*',?`, 'g'),
]);
const withoutMetadata = {
    name: 'plotly-attribute-metadata',
    setup(b) {
        b.onLoad({ filter: /[\\/]plotly\.js[\\/]src[\\/].*\.js$/ }, async ({ path: file }) => {
            let code = await readFile(file, 'utf8');
            for (const p of metaPatterns) code = code.replace(p, '');
            return { contents: code, loader: 'js' };
        });
    },
};

const entry = [
    "var Plotly = require('plotly.js/lib/core');",
    `Plotly.register([${traces.filter((t) => t !== 'scatter').map((t) => `require('plotly.js/lib/${t}')`).join(', ')}]);`,
    'window.Plotly = Plotly;',
].join('\n');

const license = (await readFile(path.join(plotly, 'LICENSE'), 'utf8')).trim();
const banner = [
    '/**',
    `* plotly.js v${version}, custom bundle for the seedpop dashboard: traces ${traces.join(', ')}.`,
    '* Built by scripts/plotly-bundle.sh (esbuild) from the plotly.js package on npm.',
    '*',
    ...license.split('\n').map((line) => (line ? `* ${line}` : '*')),
    '*/',
].join('\n');

const name = 'plotly-bundle.min.js';
const outfile = path.join(outDir, name);
await build({
    stdin: { contents: entry, resolveDir: process.cwd(), sourcefile: 'seedpop-plotly-entry.js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2016',
    outfile,
    banner: { js: banner },
    legalComments: 'eof',
    alias: { regl: '@plotly/regl' }, // as plotly.js's own build: one regl for every gl trace
    define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
    loader: { '.css': 'empty' },
    plugins: [withoutMetadata],
    logLevel: 'warning',
});

const bytes = await readFile(outfile);
const manifest = {
    file: name,
    'plotly.js': version,
    traces: [...traces].sort(),
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    esbuild: require('esbuild/package.json').version,
    rebuild: 'scripts/plotly-bundle.sh',
};
await writeFile(path.join(outDir, 'plotly-bundle.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`${outfile}: plotly.js ${version}, traces ${manifest.traces.join(' ')}, ${bytes.length} bytes`);
