import { isApiCompatible } from './api-compatibility.js';

describe('isApiCompatible', () => {
  it.each([
    ['1.0.0', '1.0.0', true], ['1.0.0', '1.3.2', true], ['1.2.0', '1.3.0', true], ['1.4.0', '1.3.0', false],
    ['2.0.0', '1.9.0', false], ['1.0.0', '2.0.0', false], ['0.2.0', '0.2.3', true], ['0.2.4', '0.2.3', false],
    ['0.1.0', '0.2.0', false], ['1.0.0-rc.1', '1.0.0', false], ['1.0.0-rc.1', '1.0.0-rc.1', true], ['x', '1.0.0', false],
  ])('binding %s on core %s → %s', (plugin, core, expected) => {
    expect(isApiCompatible(plugin, core)).toBe(expected);
  });
});
