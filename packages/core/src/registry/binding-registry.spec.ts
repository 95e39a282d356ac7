import { ContainerModule } from 'inversify';
import { FAKE_PUSH_BINDING, FAKE_QUEUE_BINDING, fakeBinding } from '../../test/support/fake-bindings.js';
import { defineBinding, isBindingDefinition } from '../binding-api/binding-definition.js';
import { BindingRegistry } from './binding-registry.js';

describe('BindingRegistry', () => {
  it('keys accepted bindings by connection type', () => {
    const registry = new BindingRegistry([FAKE_QUEUE_BINDING, FAKE_PUSH_BINDING]);
    expect(registry.types()).toEqual(['amqp-091', 'http-push']);
    expect(registry.get('http-push')?.binding.packageName).toBe('@test/binding-push');
    expect(registry.get('mqtt')).toBeUndefined();
    expect(registry.skipped).toEqual([]);
  });

  it('skips unbranded objects, incompatible API versions and duplicate types with coded reasons', () => {
    const unbranded = { ...FAKE_PUSH_BINDING };
    delete (unbranded as Record<symbol, unknown>)[Symbol.for('@twinlink/core/BindingDefinition')];
    const future = fakeBinding('@test/future', [{ ...FAKE_PUSH_BINDING.connectionTypes[0]!, type: 'coap' }], '1.9.0');
    const duplicate = fakeBinding('@test/dup', FAKE_QUEUE_BINDING.connectionTypes);
    const registry = new BindingRegistry([FAKE_QUEUE_BINDING, unbranded, future, duplicate, 42], '1.2.0');
    expect(registry.accepted.map((b) => b.packageName)).toEqual(['@test/binding-queue']);
    expect(registry.skipped.map((s) => [s.packageName, s.code])).toEqual([
      ['@test/binding-push', 'TWINLINK_ERR_BINDING_NOT_A_BINDING'],
      ['@test/future', 'TWINLINK_ERR_BINDING_API_MISMATCH'],
      ['@test/dup', 'TWINLINK_ERR_BINDING_DUPLICATE_TYPE'],
      ['unknown', 'TWINLINK_ERR_BINDING_NOT_A_BINDING'],
    ]);
    expect(registry.skipped[2]?.reason).toContain('@test/binding-queue');
  });
});

describe('defineBinding', () => {
  it('brands a well-formed definition and rejects malformed ones', () => {
    expect(isBindingDefinition(FAKE_QUEUE_BINDING)).toBe(true);
    expect(isBindingDefinition({ packageName: 'x' })).toBe(false);
    const base = { packageName: '@x/y', packageVersion: '1.0.0', apiVersion: '1.0.0', containerModule: new ContainerModule(() => undefined) };
    expect(() => defineBinding({ ...base, connectionTypes: [] })).toThrow(/connectionTypes is empty/);
    expect(() => defineBinding({ ...base, connectionTypes: [{ ...FAKE_QUEUE_BINDING.connectionTypes[0]!, validate: undefined as never }] })).toThrow(/no validate function/);
  });
});
