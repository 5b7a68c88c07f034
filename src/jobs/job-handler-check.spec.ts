import { checkJobHandlers } from './job-handler-check';

describe('checkJobHandlers: every job type has exactly one handler', () => {
  it('accepts one handler per type', () => {
    const map = checkJobHandlers(['a', 'b'], [{ type: 'a', name: 'AHandler' }, { type: 'b', name: 'BHandler' }]);
    expect(map.get('a')).toBe('AHandler');
    expect(map.get('b')).toBe('BHandler');
  });

  it('a type without a handler stops start-up with a message naming the type', () => {
    expect(() => checkJobHandlers(['a', 'audit-export'], [{ type: 'a', name: 'AHandler' }])).toThrow(
      /no handler for the job type\(s\) audit-export/,
    );
  });

  it('a type with two handlers stops start-up with a message naming the type and both classes', () => {
    expect(() =>
      checkJobHandlers(['a'], [{ type: 'a', name: 'First' }, { type: 'a', name: 'Second' }]),
    ).toThrow('several handlers for the job type a: First, Second');
  });

  it('a handler of an unknown type is refused', () => {
    expect(() => checkJobHandlers(['a'], [{ type: 'a', name: 'A' }, { type: 'zz', name: 'Z' }])).toThrow(/unknown job type\(s\) zz/);
  });

  it('names every problem at once', () => {
    let message = '';
    try {
      checkJobHandlers(['a', 'b'], [{ type: 'a', name: 'X' }, { type: 'a', name: 'Y' }]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('no handler for the job type(s) b');
    expect(message).toContain('several handlers for the job type a: X, Y');
  });
});
