import { ScreenPlaceholder } from '../components/ScreenPlaceholder';

export function InspectorScreen() {
  return (
    <ScreenPlaceholder
      title="Inspector"
      step="The inspector will serve steps 3 and 5 of the help article: check the data coming back into the system and, where there is data, whether the score the learner received is a passing score."
    />
  );
}
