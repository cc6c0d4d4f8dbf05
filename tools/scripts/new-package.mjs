#!/usr/bin/env node
// Scaffolds the boilerplate of one workspace package (package.json, tsconfigs, jest config).
// Usage: node tools/scripts/new-package.mjs <dir-name> <tag> "<description>" [dep@range ...]
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [name, tag, description, ...deps] = process.argv.slice(2);
if (!name || !tag || !description) {
  console.error('usage: new-package.mjs <dir-name> <tag> "<description>" [dep@range ...]');
  process.exit(1);
}
const dir = join('packages', name);
if (existsSync(join(dir, 'package.json'))) {
  console.error(`${dir} already exists`);
  process.exit(1);
}
mkdirSync(join(dir, 'src'), { recursive: true });
const dependencies = Object.fromEntries(
  deps.map((d) => {
    const at = d.lastIndexOf('@');
    return [d.slice(0, at), d.slice(at + 1)];
  }),
);
const pkg = {
  name: `@pier/${name}`,
  version: '0.1.0',
  description,
  type: 'module',
  license: 'MIT',
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
  files: ['dist', '!dist/**/*.tsbuildinfo', '!dist/**/*.test.*'],
  engines: { node: '>=20.19' },
  scripts: {
    build: 'node ../../tools/scripts/build-package.mjs',
    test: 'node --experimental-vm-modules --disable-warning=ExperimentalWarning ../../node_modules/jest/bin/jest.js',
    typecheck: 'tsc -p tsconfig.json',
    prepack: "node -e \"require('node:fs').accessSync('dist/index.js')\" || (echo 'dist/ missing: run npm run build first' >&2; exit 1)",
  },
  dependencies,
  nx: { tags: [tag] },
  publishConfig: { access: 'public' },
};
writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
writeFileSync(
  join(dir, 'tsconfig.lib.json'),
  JSON.stringify(
    {
      extends: '../../tsconfig.base.json',
      compilerOptions: { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: 'dist/tsconfig.lib.tsbuildinfo' },
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/**/test-support/**'],
    },
    null,
    2,
  ) + '\n',
);
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['src/**/*.ts'] }, null, 2) + '\n',
);
writeFileSync(
  join(dir, 'jest.config.js'),
  `import preset from '../../jest.preset.js';\n\nexport default { ...preset, displayName: '${name}' };\n`,
);
console.log(`created ${dir}`);
