import { execFileSync } from 'node:child_process';
import { formatEnv } from './format-env.js';

describe('formatEnv', () => {
  it('prints sorted export lines that a POSIX shell reads back unchanged', () => {
    const env = { TWINLINK_B: "it's & 100%", TWINLINK_A: 'amqp://guest:guest@127.0.0.1:5672/%2f' };
    const text = formatEnv(env);
    expect(text.split('\n')[0]).toBe("export TWINLINK_A='amqp://guest:guest@127.0.0.1:5672/%2f'");
    const echoed = execFileSync('sh', ['-c', `${text} printf '%s\\n%s' "$TWINLINK_A" "$TWINLINK_B"`], { encoding: 'utf8' });
    expect(echoed).toBe(`${env.TWINLINK_A}\n${env.TWINLINK_B}`);
  });
});
