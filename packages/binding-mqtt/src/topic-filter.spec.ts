import { matchingFilter, topicFilterProblem, topicMatches, topicProblem } from './topic-filter.js';

describe('topic filters', () => {
  it.each(['a', 'a/b', '#', '+', 'a/+/c', 'a/#', '+/+', '/', 'a//b', '$share/g/a/#', '$share/g/+', '{{ thing:id }}/x', 'sport/tennis/+/#'])('accepts %s', (filter) => {
    expect(topicFilterProblem(filter)).toBeUndefined();
  });

  it.each(['', 'a#', 'a/#/b', 'a/b#', 'a+/b', '+a', '$share/', '$share/g', '$share/g/', '$share/+/a', '$share/g/a#', 'a\u0000b'])('rejects %j', (filter) => {
    expect(topicFilterProblem(filter)).toEqual(expect.any(String));
  });

  it.each(['a', 'a/b', '/', '$SYS/x', '{{ thing:id }}/x'])('accepts topic %s', (topic) => {
    expect(topicProblem(topic)).toBeUndefined();
  });

  it.each(['', 'a/+', 'a/#', '#', 'a+b'])('rejects topic %j', (topic) => {
    expect(topicProblem(topic)).toEqual(expect.any(String));
  });

  it('strips the share prefix', () => {
    expect(matchingFilter('$share/group/a/+')).toBe('a/+');
    expect(matchingFilter('a/+')).toBe('a/+');
  });
});

describe('topicMatches', () => {
  it.each([
    ['a/b', 'a/b', true],
    ['a/b', 'a/c', false],
    ['a/+', 'a/b', true],
    ['a/+', 'a/b/c', false],
    ['a/+', 'a', false],
    ['a/#', 'a', true],
    ['a/#', 'a/b/c', true],
    ['#', 'a/b', true],
    ['+/+', '/b', true],
    ['+', '', true],
    ['a/+/c', 'a//c', true],
    ['#', '$SYS/broker', false],
    ['+/broker', '$SYS/broker', false],
    ['$SYS/#', '$SYS/broker', true],
    ['$share/g/a/+', 'a/b', true],
    ['$share/g/a/+', 'g/a/b', false],
    ['sport/tennis/+', 'sport/tennis/player1/ranking', false],
    ['sport/#', 'sport', true],
  ])('%s matches %s: %s', (filter, topic, expected) => {
    expect(topicMatches(filter, topic)).toBe(expected);
  });
});
