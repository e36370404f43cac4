#!/usr/bin/env node
import '../dist/careerpdf.js';
