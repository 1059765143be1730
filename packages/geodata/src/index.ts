/** @atlas/geodata: region boundaries and the illustrative sample data set (Node only). */
export { loadBoundaries, loadSampleData } from './load';
export { dataDir, dataPath, countriesFile, departmentsFile, sampleDir } from './paths';
export { createLocator, type Locator, type Location } from './geo/locator';
export { departmentPlacePopulations, type PlacePopulation } from './geo/place-populations';
export type * from './types';
