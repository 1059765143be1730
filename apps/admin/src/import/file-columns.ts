// The columns a chosen file offers to the mapping, read in the browser: a CSV's header line, or
// the property names of a GeoJSON file's first features. Only the start of a large file is read;
// the API reads the whole file and reports what it finds.

const CSV_HEAD_BYTES = 64 * 1024;
const GEOJSON_MAX_BYTES = 16 * 1024 * 1024;
const GEOJSON_SAMPLE = 50;

/** One CSV line split on the delimiter, with "quoted, cells" and "" escapes. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line.charAt(i);
    if (quoted) {
      if (char === '"' && line.charAt(i + 1) === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells.filter((name) => name !== '');
}

/** The header of a CSV text (a byte-order mark and the line ending are dropped). */
export function csvHeader(text: string, delimiter: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return splitCsvLine(first, delimiter);
}

/** The property names of the first features of a GeoJSON FeatureCollection (and `id`). */
export function geoJsonColumns(text: string): string[] {
  const parsed = JSON.parse(text) as { features?: { properties?: object | null }[] };
  const names = new Set<string>(['id']);
  for (const feature of (parsed.features ?? []).slice(0, GEOJSON_SAMPLE)) {
    for (const name of Object.keys(feature.properties ?? {})) names.add(name);
  }
  return [...names];
}

/** The file's columns, or [] when they cannot be read here (IATI, huge or broken files). */
export async function readColumns(
  file: File,
  format: 'csv' | 'geojson' | 'iati',
  delimiter: string,
): Promise<string[]> {
  try {
    if (format === 'csv') return csvHeader(await file.slice(0, CSV_HEAD_BYTES).text(), delimiter);
    if (format === 'geojson' && file.size <= GEOJSON_MAX_BYTES) {
      return geoJsonColumns(await file.text());
    }
  } catch {
    // The preview names what is wrong with the file.
  }
  return [];
}
