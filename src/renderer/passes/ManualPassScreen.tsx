import { ScreenPlaceholder } from '../components/ScreenPlaceholder';

export function ManualPassScreen() {
  return (
    <ScreenPlaceholder
      title="Manual Pass"
      step="The manual pass panel will follow the help article's Admin > Training > Manual Pass steps — Course Category, the course module, Get Users, Mark Complete — and then double-check the status in the learner's transcript."
    />
  );
}
