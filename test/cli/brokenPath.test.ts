import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

/*
 * careerpdf never looks anything up on PATH, so no PATH can break a build. (The startup
 * snapshot's launcher searched it for `setpriv` and stopped every build that rendered with exit
 * 70 at an entry that is a file or a folder it may not search.)
 */

describe('a build with a broken PATH', () => {
  it('renders and exits 0 when PATH has a file entry and a folder that cannot be searched', () => {
    const dir = tempDir('careerpdf-path-');
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, '');
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, { mode: 0o000 });
    try {
      const out = path.join(dir, 'out');
      const PATH = [file, locked, process.env.PATH].join(path.delimiter);
      // The bench resume: one document, no role, the quickest build that renders.
      const result = runCli(['build', '--data', path.join(repoRoot, 'test/fixtures/bench'), '--out', out], { env: { PATH } });
      expect(result.code, result.stderr).toBe(0);
      expect(fs.readdirSync(path.join(out, 'master')).filter((name) => name.endsWith('.pdf'))).toHaveLength(1);
    } finally {
      fs.chmodSync(locked, 0o700);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
