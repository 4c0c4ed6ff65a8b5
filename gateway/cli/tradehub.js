#!/usr/bin/env node
// Entry of `npx tradehub`: runs the compiled CLI (`npm run build` compiles it).
require('../../dist/gateway/cli/main.js');
