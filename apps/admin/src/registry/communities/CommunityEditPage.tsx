import { CommunityInput, type Community } from '@atlas/domain';
import { GeoRecordEditPage, type GeoEditorConfig } from '../shared/GeoRecordEditPage';
import { CommunityFields } from './CommunityFields';
import {
  communityFormToInput,
  communityToForm,
  emptyCommunityForm,
  type CommunityForm,
} from './community-form';

const config: GeoEditorConfig<Community, CommunityForm> = {
  collection: 'communities',
  listPath: '/communities',
  schema: CommunityInput,
  emptyForm: emptyCommunityForm,
  toForm: communityToForm,
  toInput: communityFormToInput,
  countriesOf: (community) => [community.country],
  kinds: ['point', 'polygon'],
  titleOf: (community) => community.name,
  newTitleKey: 'communities.new',
  Fields: CommunityFields,
};

/** A community at risk: population, homicide rate, year, source, and where it is. */
export function CommunityEditPage() {
  return <GeoRecordEditPage config={config} />;
}
