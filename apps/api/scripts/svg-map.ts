// A tiny SVG map renderer for the documentation pictures: an equirectangular projection fitted
// to a box (longitudes shrunk by the cosine of the middle latitude), the region's countries as
// the background, then the caller's layers.
import type { Geometry, Position } from 'geojson';

export interface MapFrame {
  bbox: [number, number, number, number];
  width: number;
}

export interface Style {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  opacity?: number;
  dash?: string;
  radius?: number;
}

export function createMap({ bbox, width }: MapFrame) {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * shrink);
  const height = Math.round((maxLat - minLat) * scale);
  const xy = ([lon, lat]: Position) =>
    [((lon! - minLon) * shrink * scale).toFixed(1), ((maxLat - lat!) * scale).toFixed(1)].join(',');
  const parts: string[] = [];
  const attributes = (style: Style) =>
    [
      `fill="${style.fill ?? 'none'}"`,
      `stroke="${style.stroke ?? 'none'}"`,
      `stroke-width="${style.strokeWidth ?? 1}"`,
      `opacity="${style.opacity ?? 1}"`,
      style.dash ? `stroke-dasharray="${style.dash}"` : '',
      'stroke-linejoin="round" stroke-linecap="round"',
    ].join(' ');
  const path = (rings: Position[][], closed: boolean) =>
    rings.map((ring) => `M${ring.map(xy).join('L')}${closed ? 'Z' : ''}`).join('');

  return {
    height,
    add(geometry: Geometry, style: Style) {
      switch (geometry.type) {
        case 'Point': {
          const [x, y] = xy(geometry.coordinates).split(',');
          parts.push(`<circle cx="${x}" cy="${y}" r="${style.radius ?? 4}" ${attributes(style)}/>`);
          break;
        }
        case 'LineString':
          parts.push(`<path d="${path([geometry.coordinates], false)}" ${attributes(style)}/>`);
          break;
        case 'MultiLineString':
          parts.push(`<path d="${path(geometry.coordinates, false)}" ${attributes(style)}/>`);
          break;
        case 'Polygon':
          parts.push(
            `<path fill-rule="evenodd" d="${path(geometry.coordinates, true)}" ${attributes(style)}/>`,
          );
          break;
        case 'MultiPolygon':
          parts.push(
            `<path fill-rule="evenodd" d="${path(geometry.coordinates.flat(), true)}" ${attributes(style)}/>`,
          );
          break;
        default:
          break;
      }
    },
    text(position: Position, text: string, size = 13, anchor = 'start', color = '#222') {
      const [x, y] = xy(position).split(',');
      parts.push(
        `<text x="${x}" y="${y}" font-size="${size}" text-anchor="${anchor}" fill="${color}" ` +
          `font-family="sans-serif" paint-order="stroke" stroke="white" stroke-width="3">${escape(text)}</text>`,
      );
    },
    svg(title: string, legend: [string, string][]) {
      const legendRows = legend
        .map(
          ([color, label], i) =>
            `<rect x="12" y="${44 + i * 20}" width="14" height="14" fill="${color}"/>` +
            `<text x="32" y="${56 + i * 20}" font-size="13" font-family="sans-serif">${escape(label)}</text>`,
        )
        .join('');
      return (
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
        `viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#dbe9f4"/>` +
        parts.join('') +
        `<rect x="4" y="4" width="${Math.min(width - 8, 560)}" height="${30 + legend.length * 20 + 14}" fill="white" opacity="0.85"/>` +
        `<text x="12" y="28" font-size="16" font-weight="bold" font-family="sans-serif">${escape(title)}</text>` +
        legendRows +
        '</svg>'
      );
    },
  };
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
