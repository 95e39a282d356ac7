import { divertedResponseTypes, responseDiversionConfig } from './response-diversion.js';

describe('responseDiversionConfig', () => {
  it('is off, with no authorized sources, when the keys are absent', () => {
    expect(responseDiversionConfig({})).toEqual({ isSource: false, preserveNormalResponse: false, isTarget: false, authorizedSources: new Set() });
  });

  it('reads the flags as Boolean.parseBoolean does and the authorized sources as a trimmed comma list', () => {
    const config = responseDiversionConfig({
      'is-diversion-source': 'True',
      'preserve-normal-response-via-source': ' true ',
      'is-diversion-target': 'yes',
      'authorized-connections-as-sources': ' a, b ,,c ',
    });
    expect(config).toEqual({ isSource: true, preserveNormalResponse: true, isTarget: false, authorizedSources: new Set(['a', 'b', 'c']) });
  });
});

describe('divertedResponseTypes', () => {
  it('diverts responses and errors by default', () => {
    expect([...divertedResponseTypes(undefined)]).toEqual(['response', 'error']);
    expect([...divertedResponseTypes([' ', ''])]).toEqual(['response', 'error']);
  });

  it('diverts the known types listed', () => {
    expect([...divertedResponseTypes([' nack', 'ack', 'error '])]).toEqual(['nack', 'error']);
  });

  it('diverts every type when the list names no known type', () => {
    expect([...divertedResponseTypes(['ack'])]).toEqual(['response', 'error', 'nack']);
  });
});
