#!/usr/bin/env node
// The installed `vliegwiel` command: the compiled admin CLI (npm run build, or npm start, compiles it).
import('../dist/cli/main.js');
