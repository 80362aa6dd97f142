import { Lazy } from 'cdktf';
import { configureTokenStackTraces, TOKEN_STACK_TRACES_ENV } from '../../app/token-stack-traces';

/** The creation stack cdktf keeps on a token (an internal field, read here on purpose). */
const creationStackOf = (token: unknown) => (token as { creationStack: string[] }).creationStack;

describe('configureTokenStackTraces', () => {
  afterAll(() => configureTokenStackTraces({}));

  test('stops cdktf from recording where each token was made', () => {
    configureTokenStackTraces({});
    expect(creationStackOf(Lazy.anyValue({ produce: () => 1 }))).toEqual([]);
  });

  test(`${TOKEN_STACK_TRACES_ENV}=1 gives the traces back for debugging`, () => {
    configureTokenStackTraces({ [TOKEN_STACK_TRACES_ENV]: '1' });
    const stack = creationStackOf(Lazy.anyValue({ produce: () => 1 }));
    expect(stack.length).toBeGreaterThan(0);
    expect(stack.join('\n')).toContain('token-stack-traces.test.ts');
  });
});
