import { parseConfigDuration } from './hocon-duration.js';

describe('parseConfigDuration', () => {
  it.each([
    ['60s', 60_000], ['250ms', 250], ['2 minutes', 120_000], ['1h', 3_600_000], ['1.5s', 1500], ['60', 60], ['0', 0], ['3d', 259_200_000],
  ])('reads %s as %d ms', (text, ms) => expect(parseConfigDuration(text)).toBe(ms));

  it.each(['', 's', '-1s', '10 fortnights', '1e3', '1s2'])('rejects %j', (text) => expect(parseConfigDuration(text)).toBeUndefined());
});
