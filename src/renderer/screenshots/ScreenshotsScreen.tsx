import { ScreenPlaceholder } from '../components/ScreenPlaceholder';

export function ScreenshotsScreen() {
  return (
    <ScreenPlaceholder
      title="Screenshots"
      step="The screenshot viewer will serve step 4 of the help article: when no data came back, review the learner's screenshot of their passing score or completion in the course."
    />
  );
}
