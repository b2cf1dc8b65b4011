import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

// The oldest Node we promise (package.json's engines) is the one CI installs and runs the unit tests
// on, and the one the README names: three places that drift apart unless something checks them.
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };
const ci = fs.readFileSync('.ci/run', 'utf8');
const readme = fs.readFileSync('README.md', 'utf8');

describe('toolchains', () => {
  const oldest = /^>=(\d+)\.(\d+)$/.exec(pkg.engines.node);

  it('engines names one oldest Node, and CI runs exactly that one', () => {
    expect(oldest, `engines.node is ${pkg.engines.node}`).not.toBeNull();
    const [, major, minor] = oldest!;
    expect(ci).toMatch(new RegExp(`^OLDEST_NODE=${major}\\.${minor}\\.0$`, 'm'));
    expect(ci).toContain('npm run test:unit');
    expect(pkg.scripts['test:unit']).toMatch(/^vitest run /);
  });

  it('the README says the same oldest Node and that CI runs the suite on Node 24', () => {
    const [, major, minor] = oldest!;
    expect(readme).toContain(`Node.js ${major}.${minor} or newer`);
    expect(readme).toMatch(/Node 24 LTS with npm 12/);
    expect(readme).not.toMatch(/Node 20 and npm 11/);
  });
});
