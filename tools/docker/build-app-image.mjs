#!/usr/bin/env node
// Usage: node tools/docker/build-app-image.mjs <tag> [<fixture app dir>]
// For the demo: the image is the user's, so it carries no test-fixture label.
import { buildAppImage } from './images.mjs';

const [tag, appDir] = process.argv.slice(2);
if (!tag) {
  console.error('usage: build-app-image.mjs <tag> [<fixture app dir>]');
  process.exit(1);
}
await buildAppImage(tag, appDir, undefined, { fixture: false });
console.log(tag);
