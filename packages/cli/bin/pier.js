#!/usr/bin/env node
// Committed launcher: npm links a bin only if its target exists at install time, and dist/ does
// not exist before the first build.
import { main } from '../dist/main.js';

// Exit explicitly: a stray handle (a keep-alive socket) must not keep a finished command alive.
process.exit(await main());
