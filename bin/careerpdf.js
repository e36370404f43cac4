#!/usr/bin/env node
// React's production build unless told otherwise: the development build checks every element
// it creates and renders measurably slower. The PDF bytes are the same either way.
process.env.NODE_ENV ??= 'production';
await import('../dist/careerpdf.js');
