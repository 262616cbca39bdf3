/**
 * Pagefind instances, one per term, so that a query's results depend only on the query and the
 * filters. One Pagefind instance answers the same words differently depending on what it was asked
 * before: a word it cannot find is answered with the longest word that begins it among the index
 * chunks already loaded (fresh, "hikvison" finds nothing; after a search for "Hikvision" it finds
 * every Hikvision entry), and a word's longer forms are found only in the chunks loaded so far. An
 * instance that has searched one term only has loaded only what that term needs, so the pool gives
 * each term an instance of its own. The last few are kept: the same search again, or a step back
 * in history, costs nothing; the index files are in the browser's cache for the next instance.
 */

/** What the pool needs of one Pagefind instance (`createInstance()` of `pagefind.js`). */
export interface PagefindInstance<Response> {
  search(term: string | null, options?: object): Promise<Response | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

/** Instances kept: the views searched last, so that the same search again or a step back costs nothing. */
export const POOL_SIZE = 4;

/**
 * The key of a query: Pagefind lower-cases the words and reads any run of spaces as one, so
 * queries that differ only in those load the same chunks. A search without words has the key `''`.
 * @example termKey('  Hikvision   Dahua ') // 'hikvision dahua'
 */
export function termKey(term: string | null): string {
  return (term ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What a view searches Pagefind with (`search-run.ts`'s `PagefindLike`). */
export interface Searcher<Response> {
  search(term: string | null, options?: object): Promise<Response | null>;
}

export class PagefindPool<Response> {
  readonly #create: () => Promise<PagefindInstance<Response>>;
  readonly #size: number;
  /** Instances by query key, least recently used first. */
  readonly #instances = new Map<string, Promise<PagefindInstance<Response>>>();
  /**
   * An instance that has searched no words, so has loaded none of the word index: the first query
   * takes it over. Searches without words (facets alone) load no word index, so any instance
   * answers them alike.
   */
  #clean: Promise<PagefindInstance<Response>> | undefined;
  /** Instances let go: a search that fails on one of them was superseded, not broken. */
  readonly #gone = new WeakSet<PagefindInstance<Response>>();
  /** Whether instances load every facet's filter data (see {@link PagefindPool.countEveryFacet}). */
  #counting = false;
  /** Whether every live instance has loaded it. */
  #counted = false;

  /**
   * @param create makes a ready instance: options set and initialised. It loads filter data only
   *   as its searches need it, so a response counts only the facets they filtered by until
   *   {@link PagefindPool.countEveryFacet} is called.
   */
  constructor(create: () => Promise<PagefindInstance<Response>>, size = POOL_SIZE) {
    this.#create = create;
    this.#size = size;
  }

  /**
   * Loads every facet's filter data into every instance, now and from now on, so that responses
   * count every facet. A page calls it once its first results are on screen: the filter data
   * grows with the record (39 kB at 5,000 entries) and only the facet counts need it.
   */
  async countEveryFacet(): Promise<void> {
    this.#counting = true;
    const live = [...new Set([...(this.#clean ? [this.#clean] : []), ...this.#instances.values()])];
    // An instance let go meanwhile may fail to load; the next one loads the data as it starts.
    await Promise.all(live.map((instance) => instance.then((i) => i.filters()).catch(() => undefined)));
    this.#counted = true;
  }

  /** Starts the instance the first query will take over, so that it loads while the reader types. */
  async warm(): Promise<void> {
    await this.#any();
  }

  /** Whether responses count every facet: every instance has loaded the filter data. */
  get counting(): boolean {
    return this.#counted;
  }

  #fresh(): Promise<PagefindInstance<Response>> {
    const instance = this.#create().then(async (i) => {
      if (this.#counting) await i.filters();
      return i;
    });
    instance.catch(() => {
      if (this.#clean === instance) this.#clean = undefined;
      for (const [key, i] of this.#instances) if (i === instance) this.#instances.delete(key);
    });
    return instance;
  }

  #instance(key: string): Promise<PagefindInstance<Response>> {
    let instance = this.#instances.get(key);
    if (instance) {
      this.#instances.delete(key);
    } else {
      instance = this.#clean ?? this.#fresh();
      this.#clean = undefined;
    }
    this.#instances.set(key, instance);
    for (const [old, stale] of this.#instances) {
      if (this.#instances.size <= this.#size) break;
      this.#instances.delete(old);
      // A search still running on it answers null, as Pagefind does for a search superseded.
      void stale
        .then((i) => {
          this.#gone.add(i);
          return i.destroy();
        })
        .catch(() => undefined);
    }
    return instance;
  }

  /** Any instance, for a search without words: the clean one, else the one used last. */
  #any(): Promise<PagefindInstance<Response>> {
    return this.#clean ?? [...this.#instances.values()].at(-1) ?? (this.#clean = this.#fresh());
  }

  /**
   * The searcher for one view (a query as the reader typed it): its word searches run on an
   * instance that has searched only this query's words, so they depend on nothing searched before;
   * its searches without words run on any instance.
   */
  for(query: string): Searcher<Response> {
    const key = termKey(query);
    return {
      search: async (term, options) => {
        const instance = await (term === null ? this.#any() : this.#instance(key));
        try {
          return await instance.search(term, options);
        } catch (error) {
          if (this.#gone.has(instance)) return null;
          throw error;
        }
      },
    };
  }

  /** Every facet value with its count over the whole index. */
  async filters(): Promise<Record<string, Record<string, number>>> {
    return (await this.#any()).filters();
  }

  /** How many instances are alive (for tests). */
  get size(): number {
    return this.#instances.size + (this.#clean && ![...this.#instances.values()].includes(this.#clean) ? 1 : 0);
  }
}
