// The demo store's catalogue: categories with their own price levels, brands, and ~2,000 items whose
// popularity follows Zipf's law. Built from the seed alone, so labels can be made without events.

import { cdfSampler, zipfSampler, type Rng } from '../lib/random';
import { paddedId } from './demo-ids';

/** Category name, median price and log-normal spread, and relative number of items. */
const CATEGORIES: readonly (readonly [name: string, median: number, sigma: number, size: number])[] = [
  ['home.kitchen', 24, 0.7, 9], ['home.furniture', 190, 0.6, 4], ['home.decor', 30, 0.8, 6],
  ['electronics.phones', 380, 0.5, 4], ['electronics.audio', 70, 0.8, 5], ['electronics.computers', 650, 0.5, 3],
  ['electronics.cameras', 420, 0.6, 2], ['appliances.small', 60, 0.6, 5], ['appliances.large', 520, 0.4, 2],
  ['apparel.women', 38, 0.6, 10], ['apparel.men', 35, 0.6, 8], ['apparel.shoes', 75, 0.5, 6],
  ['beauty.skincare', 19, 0.6, 7], ['beauty.fragrance', 55, 0.5, 3], ['sports.fitness', 45, 0.8, 5],
  ['sports.outdoor', 90, 0.7, 4], ['toys.kids', 22, 0.7, 6], ['books.fiction', 13, 0.3, 6],
  ['garden.tools', 35, 0.7, 3], ['grocery.coffee', 11, 0.4, 4],
];

/** Number of categories, for sampling favourite categories. */
export const DEMO_CATEGORY_COUNT = CATEGORIES.length;

/** Syllables combined into 60 invented brand names (12 × 5), so no real trademark appears. */
const BRAND_STEMS = ['nord', 'lumi', 'vela', 'kora', 'zeni', 'orbi', 'tessa', 'miro', 'solva', 'brava', 'pika', 'alto'];
const BRAND_ENDINGS = ['tek', 'home', 'line', 'ora', 'wear'];

/** Number of items in the default catalogue. */
export const DEMO_ITEMS = 2000;

/** Zipf exponent of item popularity: s = 1 gives the top 1% of items ~40% of random draws. */
export const ITEM_ZIPF_S = 1.0;

/** Items each product page links to ("customers also viewed"): same category, and one complement. */
export const RELATED_PER_ITEM = 4;

/** How many of the dearest items fraud orders choose from. */
const EXPENSIVE_POOL = 60;

/** Every item's attributes as parallel arrays, plus samplers over popularity. */
export interface DemoCatalog {
  categoryNames: readonly string[];
  brandNames: readonly string[];
  /** Item ids as written in the rows (`i00042`); index = popularity rank (0 = most popular). */
  itemIds: readonly string[];
  itemCategory: Int32Array;
  itemBrand: Int32Array;
  itemPrice: Float64Array;
  /** Price strings with two decimals, regular and during the promotion. */
  priceText: readonly string[];
  promoPriceText: readonly string[];
  /** Items of each category, in popularity order. */
  itemsByCategory: readonly (readonly number[])[];
  /** The dearest items, for fraud orders. */
  expensiveItems: readonly number[];
  /** Item i's linked items are related[i·RELATED_PER_ITEM …]: fixed item-to-item paths shoppers follow. */
  related: Int32Array;
}

/** Samplers bound to one random stream (the event stream), built from a catalogue. */
export interface CatalogSampler {
  /** A Zipf-popular item from the whole catalogue. */
  anyItem(): number;
  /** A Zipf-popular item from one category. */
  itemIn(category: number): number;
}

/** Price factor applied to every item during the promotion. */
export const PROMO_PRICE_FACTOR = 0.8;

/** Formats a price for the CSV: two decimals, dot separator. */
function money(value: number): string {
  return value.toFixed(2);
}

/** Builds the catalogue from the planning stream; item index order is popularity order. */
export function buildCatalog(rng: Rng, items = DEMO_ITEMS): DemoCatalog {
  const categoryNames = CATEGORIES.map(([name]) => name);
  const brandNames = BRAND_STEMS.flatMap((stem) => BRAND_ENDINGS.map((end) => stem + end));
  // Each brand sells in two categories; a category's brands are those that list it.
  const brandsByCategory = categoryNames.map(() => [] as number[]);
  brandNames.forEach((_, b) => {
    brandsByCategory[b % categoryNames.length]?.push(b);
    brandsByCategory[(b * 7 + 3) % categoryNames.length]?.push(b);
  });
  const pickCategory = cdfSampler(CATEGORIES.map(([, , , size]) => size), rng);

  const itemIds: string[] = [];
  const itemCategory = new Int32Array(items);
  const itemBrand = new Int32Array(items);
  const itemPrice = new Float64Array(items);
  const priceText: string[] = [];
  const promoPriceText: string[] = [];
  const itemsByCategory = categoryNames.map(() => [] as number[]);
  for (let i = 0; i < items; i++) {
    const c = pickCategory();
    const [, median, sigma] = CATEGORIES[c] ?? ['', 1, 0];
    const brands = brandsByCategory[c] ?? [0];
    // Brand popularity within a category is skewed too: the first brands listed get most items.
    const brand = brands[Math.min(brands.length - 1, Math.floor(brands.length * rng.next() ** 1.8))] ?? 0;
    const price = Math.max(0.99, Math.round(rng.logNormal(Math.log(median), sigma) * 100) / 100);
    itemIds.push(paddedId('i', i, 5));
    itemCategory[i] = c;
    itemBrand[i] = brand;
    itemPrice[i] = price;
    priceText.push(money(price));
    promoPriceText.push(money(Math.max(0.5, price * PROMO_PRICE_FACTOR)));
    itemsByCategory[c]?.push(i);
  }
  const byPrice = Array.from({ length: items }, (_, i) => i).sort((a, b) => (itemPrice[b] ?? 0) - (itemPrice[a] ?? 0));
  return {
    categoryNames, brandNames, itemIds, itemCategory, itemBrand, itemPrice, priceText, promoPriceText,
    itemsByCategory, expensiveItems: byPrice.slice(0, EXPENSIVE_POOL), related: linkItems(itemCategory, itemsByCategory, rng),
  };
}

/** Category whose items complement category c's (phones → audio, …): a fixed pairing. */
const complementOf = (c: number): number => (c * 7 + 3) % CATEGORIES.length;

/**
 * Links each item to RELATED_PER_ITEM others: all but the last from its own category, the last from
 * the complementary one, each leaning towards the popular end of its list. Drawn after every item
 * attribute, so adding the links moved nothing else in the catalogue.
 */
function linkItems(itemCategory: Int32Array, itemsByCategory: readonly (readonly number[])[], rng: Rng): Int32Array {
  const related = new Int32Array(itemCategory.length * RELATED_PER_ITEM);
  for (let i = 0; i < itemCategory.length; i++) {
    const c = itemCategory[i] ?? 0;
    for (let k = 0; k < RELATED_PER_ITEM; k++) {
      const list = itemsByCategory[k < RELATED_PER_ITEM - 1 ? c : complementOf(c)] ?? [];
      let pick = i;
      // A few tries to avoid linking an item to itself (a one-item category keeps the self-link).
      for (let tries = 0; tries < 4 && pick === i; tries++) pick = list[Math.floor(list.length * rng.next() ** 3)] ?? i;
      related[i * RELATED_PER_ITEM + k] = pick;
    }
  }
  return related;
}

/** Binds popularity samplers (global and per category) to a random stream. */
export function catalogSampler(catalog: DemoCatalog, rng: Rng): CatalogSampler {
  const any = zipfSampler(catalog.itemIds.length, ITEM_ZIPF_S, rng);
  const perCategory = catalog.itemsByCategory.map((list) => (list.length > 0 ? zipfSampler(list.length, ITEM_ZIPF_S, rng) : null));
  return {
    anyItem: any,
    itemIn(category) {
      const draw = perCategory[category];
      const list = catalog.itemsByCategory[category];
      return draw && list ? (list[draw()] ?? any()) : any();
    },
  };
}
