// Shortcuts for the OGC API tests.
import { expect } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { getCollection } from '../support/layers';

export interface OgcFeatureCollection {
  type: string;
  features: { id: string; geometry: unknown; properties: Record<string, unknown> }[];
  numberMatched: number;
  numberReturned: number;
  links: { href: string; rel: string; type?: string }[];
}

/** GET items (a well-formed FeatureCollection, checked as the REST lists are). */
export async function getItems(
  app: AtlasApp,
  url: string,
  headers: Record<string, string> = {},
): Promise<OgcFeatureCollection> {
  return (await getCollection(app, headers, url)) as unknown as OgcFeatureCollection;
}

/** Follows the next links from `url`; every feature id in order. */
export async function walkNext(
  app: AtlasApp,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ ids: string[]; numberMatched: number; pages: number }> {
  const ids: string[] = [];
  let next: string | undefined = url;
  let numberMatched = -1;
  let pages = 0;
  while (next) {
    const body = await getItems(app, next, headers);
    if (numberMatched === -1) numberMatched = body.numberMatched;
    ids.push(...body.features.map((feature) => feature.id));
    const link = body.links.find((candidate) => candidate.rel === 'next')?.href;
    next = link === undefined ? undefined : new URL(link).pathname + new URL(link).search;
    pages += 1;
    expect(pages).toBeLessThan(1000);
  }
  return { ids, numberMatched, pages };
}

export const itemsUrl = (collection: string, query: Record<string, string> = {}) =>
  `/ogc/collections/${collection}/items?${new URLSearchParams(query).toString()}`;
