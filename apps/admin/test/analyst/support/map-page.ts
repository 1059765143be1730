// The analyst map page in the browser tests: open it signed in, read what it renders.
import type { Page } from 'playwright-core';
import { ANALYST_LAYER_IDS } from '../../../src/analyst/map/layer-styles';
import type { ProbedPage } from '../../support/page-probe';
import { LOAD_TIMEOUT, openAnalystPage } from './analyst-harness';

/** A signed-in page on the analyst map (with `?test` so the map instance is reachable). */
export async function openMap(search = '', lang?: 'es'): Promise<ProbedPage> {
  const probed = await openAnalystPage(`/map?test${search ? `&${search}` : ''}`, lang);
  await probed.page.locator('[data-map-loaded="true"]').waitFor({ timeout: LOAD_TIMEOUT });
  return probed;
}

/** Rendered features of some layers, once they have some (the map draws asynchronously). */
export async function rendered(
  page: Page,
  layers: string[],
  minimum = 1,
): Promise<Record<string, unknown>[]> {
  await page.waitForFunction(
    ({ layers, minimum }) => {
      const map = window.__atlasMap;
      if (!map || !layers.every((id) => map.getLayer(id))) return false;
      return map.queryRenderedFeatures({ layers }).length >= minimum;
    },
    { layers, minimum },
    { timeout: LOAD_TIMEOUT },
  );
  return page.evaluate(
    (layers) =>
      window.__atlasMap!.queryRenderedFeatures({ layers }).map((f) => ({ ...f.properties })),
    layers,
  );
}

export const SITE_LAYERS = [ANALYST_LAYER_IDS.sitePoint, ANALYST_LAYER_IDS.siteCluster];

/** A layer's switch in the layer panel, by the layer's key. */
export function layerSwitch(page: Page, key: string) {
  return page.getByTestId(`layer-toggle-${key}`);
}

export async function layerPresent(page: Page, id: string): Promise<boolean> {
  return page.evaluate((layer) => Boolean(window.__atlasMap?.getLayer(layer)), id);
}

export interface SiteCollection {
  features: {
    properties: { id: string; programId: string; country: string | null };
    geometry: { type: string; coordinates: number[] };
  }[];
}

export interface CommunityCollection {
  features: {
    properties: { id: string; name: string; homicideRate: number; population: number };
    geometry: { type: string; coordinates: number[] };
  }[];
}
