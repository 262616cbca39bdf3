import { describe, expect, test } from 'vitest';
import { PagefindPool, termKey, type PagefindInstance } from '../../src/lib/search/pagefind-pool.ts';

/**
 * A stand-in for a Pagefind instance with the behaviour the pool exists for: a word it cannot find
 * is answered from the words it has loaded before ("hikvison" after "hikvision").
 */
function statefulInstance(log: string[]): PagefindInstance<{ results: string[] }> & { destroyed: boolean } {
  const loaded = new Set<string>();
  const index = ['hikvision', 'dahua'];
  return {
    destroyed: false,
    async search(term) {
      if (this.destroyed) throw new Error('destroyed');
      const word = (term ?? '').toLowerCase();
      log.push(word);
      if (index.includes(word)) loaded.add(word);
      const near = [...loaded].filter((w) => w.slice(0, 5) === word.slice(0, 5));
      return { results: index.includes(word) ? [word] : near };
    },
    async filters() {
      return { vendor: { hikvision: 1 } };
    },
    async destroy() {
      this.destroyed = true;
    },
  };
}

describe('PagefindPool', () => {
  const counting = (made: ReturnType<typeof statefulInstance>[]) => async () => {
    const i = statefulInstance([]);
    made.push(i);
    return i;
  };

  test('answers a query the same way whatever was searched before', async () => {
    const fresh = new PagefindPool(async () => statefulInstance([]));
    const first = await fresh.for('hikvison').search('hikvison');
    const after = new PagefindPool(async () => statefulInstance([]));
    await after.for('hikvision').search('hikvision');
    expect(await after.for('hikvison').search('hikvison')).toEqual(first);
    expect(first).toEqual({ results: [] });
    // One instance shared by both queries would have answered from what it had loaded.
    const shared = statefulInstance([]);
    await shared.search('hikvision');
    expect(await shared.search('hikvison')).toEqual({ results: ['hikvision'] });
  });

  test('keeps one instance per query, reuses it, and lets the least recently used go past its size', async () => {
    const made: ReturnType<typeof statefulInstance>[] = [];
    const pool = new PagefindPool(counting(made), 2);
    await pool.for('Hikvision').search('Hikvision');
    await pool.for('  hikvision ').search('hikvision');
    expect(made).toHaveLength(1);
    await pool.for('dahua').search('dahua');
    await pool.for('hikvision').search('hikvision');
    await pool.for('cameras').search('cameras');
    expect(made).toHaveLength(3);
    expect(pool.size).toBe(2);
    await expect.poll(() => made[1]!.destroyed).toBe(true);
    expect(made[0]!.destroyed).toBe(false);
  });

  test('the first query takes over the instance that has searched no words, and searches without words make no instance of their own', async () => {
    const made: ReturnType<typeof statefulInstance>[] = [];
    const pool = new PagefindPool(counting(made));
    await pool.filters();
    await pool.for('').search(null);
    expect(made).toHaveLength(1);
    await pool.for('dahua').search('dahua');
    expect(made).toHaveLength(1);
    await pool.for('dahua').search(null);
    await pool.filters();
    expect(made).toHaveLength(1);
    // The next query gets an instance of its own: the first has loaded Dahua's words.
    await pool.for('hikvision').search('hikvision');
    expect(made).toHaveLength(2);
  });

  test('answers null, as for a superseded search, when an instance is let go while it searches', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const pool = new PagefindPool(async () => {
      const i = statefulInstance([]);
      const search = i.search.bind(i);
      i.search = async (term, options) => {
        if (term === 'slow') await gate;
        return search(term, options);
      };
      return i;
    }, 1);
    const slow = pool.for('slow').search('slow');
    await new Promise((r) => setTimeout(r, 0));
    await pool.for('dahua').search('dahua');
    await new Promise((r) => setTimeout(r, 0));
    release();
    expect(await slow).toBeNull();
  });

  test('loads no facet filter data until asked, then into every live instance and every new one', async () => {
    const loads: string[] = [];
    let n = 0;
    const pool = new PagefindPool(async () => {
      const i = statefulInstance([]);
      const name = `instance ${(n += 1)}`;
      i.filters = async () => {
        loads.push(name);
        return { vendor: { hikvision: 1 } };
      };
      return i;
    });
    await pool.warm();
    await pool.for('hikvision').search('hikvision');
    await pool.for('dahua').search('dahua');
    expect(loads).toEqual([]);
    expect(pool.counting).toBe(false);
    const counted = pool.countEveryFacet();
    expect(pool.counting).toBe(false);
    await counted;
    expect(pool.counting).toBe(true);
    expect(loads.sort()).toEqual(['instance 1', 'instance 2']);
    await pool.for('cameras').search('cameras');
    expect(loads).toContain('instance 3');
  });

  test('has a query key that ignores case and spacing, and the empty key for no words', () => {
    expect(termKey('  Hikvision   Dahua ')).toBe('hikvision dahua');
    expect(termKey(null)).toBe('');
  });
});
