import { HostBlocker } from './host-blocking.js';

describe('HostBlocker', () => {
  it('allows everything while the block list is empty', () => {
    const blocker = new HostBlocker();
    expect(blocker.reason('127.0.0.1')).toBeUndefined();
    expect(blocker.reason('localhost')).toBeUndefined();
  });

  it.each([
    ['127.0.0.1', 'loopback'], ['localhost', 'loopback'], ['::1', 'loopback'], ['[::1]', 'loopback'],
    ['10.1.2.3', 'site-local'], ['172.20.0.1', 'site-local'], ['192.168.1.1', 'site-local'], ['fd00::1', 'site-local'],
    ['169.254.169.254', 'link-local'], ['224.0.0.1', 'multicast'], ['ff02::1', 'multicast'], ['0.0.0.0', 'wildcard'], ['::', 'wildcard'],
  ])('blocks %s (%s) once blocking is on', (host, kind) => {
    expect(new HostBlocker({ blockedHostnames: ['blocked.example.com'] }).reason(host)).toContain(kind);
  });

  it('blocks listed names case-insensitively, subnets and a pattern, but honours the allow list', () => {
    const blocker = new HostBlocker({ blockedHostnames: ['Evil.Example.com'], blockedSubnets: ['8.8.8.0/24'], blockedHostRegex: '^internal\\.', allowedHostnames: ['localhost'] });
    expect(blocker.reason('evil.example.com')).toBe('the host is blocked');
    expect(blocker.reason('8.8.8.8')).toBe('it is inside a blocked subnet');
    expect(blocker.reason('internal.corp')).toBe('the host matches a blocked pattern');
    expect(blocker.reason('localhost')).toBeUndefined();
    expect(blocker.reason('8.8.4.4')).toBeUndefined();
    expect(blocker.reason('broker.example.com')).toBeUndefined();
  });

  it('checks the addresses a name resolves to before connecting', async () => {
    const blocker = new HostBlocker({ blockedHostnames: ['x.invalid'] });
    await expect(blocker.reasonAfterLookup('localhost')).resolves.toBe('it is a loopback address');
    await expect(new HostBlocker().reasonAfterLookup('localhost')).resolves.toBeUndefined();
  });
});
