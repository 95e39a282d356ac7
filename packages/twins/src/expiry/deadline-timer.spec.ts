import { FakeTime } from '../test-kit.js';
import { DeadlineTimer } from './deadline-timer.js';

describe('DeadlineTimer', () => {
  it('hands out due keys in deadline order behind a single timer', async () => {
    const time = new FakeTime();
    const due: string[] = [];
    const deadlines = new DeadlineTimer(time, () => time.now(), (key) => due.push(key));
    const start = time.now();
    for (let i = 0; i < 50; i++) deadlines.set(`k${i}`, start + ((i * 37) % 50) * 1000);
    deadlines.set('k7', start + 500);
    deadlines.delete('k3');
    expect(time.timerCount).toBe(1);
    await time.advance(60_000);
    expect(due).toHaveLength(49);
    expect(due.slice(0, 2)).toEqual(['k0', 'k7']);
    expect(due).not.toContain('k3');
    expect(deadlines.size).toBe(0);
    expect(time.timerCount).toBe(0);
  });

  it('re-arms far deadlines after a day instead of overflowing the timer', async () => {
    const time = new FakeTime();
    const due: string[] = [];
    const deadlines = new DeadlineTimer(time, () => time.now(), (key) => due.push(key));
    deadlines.set('far', time.now() + 40 * 86_400_000);
    await time.advance(39 * 86_400_000);
    expect(due).toEqual([]);
    expect(time.timerCount).toBe(1);
    await time.advance(86_400_000);
    expect(due).toEqual(['far']);
  });
});
