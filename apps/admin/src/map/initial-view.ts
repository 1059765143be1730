// Where the analysts' map (when the URL names no position) and the registry's editor maps (when
// the record has no geometry yet) open: the CARSI members, from Guatemala to Panama with Belize
// and southern Mexico (Chiapas, Tabasco, the Yucatán's south). The whole region, up to the US
// Southwest border, stays one zoom-out away (the pan limits are the region's, see region.ts).
export const CENTRAL_AMERICA_BOUNDS: [[number, number], [number, number]] = [
  [-94.5, 7.0],
  [-77.0, 19.0],
];
