import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../core/paths.js';

/** The version in package.json (also part of the build cache key later). */
export const version: string = (createRequire(import.meta.url)(path.join(packageRoot, 'package.json')) as { version: string }).version;
