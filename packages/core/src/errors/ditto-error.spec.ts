import { Container, ContainerModule, inject, injectable } from 'inversify';
import { DittoError, isDittoErrorJson } from './ditto-error.js';

describe('DittoError', () => {
  it('serialises to the Ditto error JSON shape only', () => {
    const error = new DittoError({ status: 400, error: 'json.invalid', message: 'bad', description: 'fix it' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({ status: 400, error: 'json.invalid', message: 'bad', description: 'fix it' });
    expect(error).toBeInstanceOf(Error);
    expect(isDittoErrorJson(error)).toBe(true);
    expect(isDittoErrorJson({ status: '400' })).toBe(false);
  });

  it('caps message and description so that huge inputs are not echoed back', () => {
    const error = new DittoError({ status: 400, error: 'x', message: 'm'.repeat(10_000), description: 'd'.repeat(10_000) });
    expect(error.message.length).toBeLessThanOrEqual(501);
    expect(error.description?.length).toBeLessThanOrEqual(501);
    expect(error.message.endsWith('…')).toBe(true);
  });

  it('runs under the ESM test setup together with inversify 8', () => {
    const TOKEN = Symbol.for('test/Greeting');
    @injectable()
    class Greeter {
      constructor(@inject(TOKEN) readonly greeting: string) {}
    }
    const container = new Container();
    container.load(new ContainerModule(({ bind }) => { bind(TOKEN).toConstantValue('hi'); bind(Greeter).toSelf(); }));
    expect(container.get(Greeter).greeting).toBe('hi');
  });
});
