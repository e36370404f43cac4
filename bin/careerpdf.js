#!/usr/bin/env node
import v8 from 'node:v8';

// React's production build unless told otherwise: the development build checks every element
// it creates and renders measurably slower. The PDF bytes are the same either way.
process.env.NODE_ENV ??= 'production';
// `match` renders nothing and is done in well under a second: V8's optimizing compiler (TurboFan)
// would spend more CPU compiling its hot parsers than the optimized code saves in that time
// (measured: 0.81 → 0.61 s CPU, see docs/performance.md). Commands that render keep it.
if (process.argv[2] === 'match') v8.setFlagsFromString('--no-opt');
await import('../dist/careerpdf.js');
