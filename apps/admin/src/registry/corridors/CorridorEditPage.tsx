import { checkCorridorRules, CorridorInput, type Corridor } from '@atlas/domain';
import { GeoRecordEditPage, type GeoEditorConfig } from '../shared/GeoRecordEditPage';
import { CorridorFields } from './CorridorFields';
import {
  corridorFormToInput,
  corridorToForm,
  emptyCorridorForm,
  type CorridorForm,
} from './corridor-form';

type CorridorRecord = Corridor;

const config: GeoEditorConfig<CorridorRecord, CorridorForm> = {
  collection: 'corridors',
  listPath: '/corridors',
  schema: CorridorInput,
  rules: checkCorridorRules,
  emptyForm: emptyCorridorForm,
  toForm: corridorToForm,
  toInput: corridorFormToInput,
  // The API works out which countries a corridor crosses; it checks the scope.
  countriesOf: () => [],
  kinds: ['linestring'],
  titleOf: (corridor) => corridor.name,
  newTitleKey: 'corridors.new',
  Fields: CorridorFields,
};

/** A trafficking corridor: its fields and its line drawn and reshaped on the map. */
export function CorridorEditPage() {
  return <GeoRecordEditPage config={config} />;
}
