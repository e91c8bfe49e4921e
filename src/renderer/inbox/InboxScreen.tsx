import { ScreenPlaceholder } from '../components/ScreenPlaceholder';

export function InboxScreen() {
  return (
    <ScreenPlaceholder
      title="Inbox"
      step="The inbox will serve steps 1 and 2 of the help article: point the learner to the Technical Issues FAQ under Help, then have them describe the course, the module and the issue in detail."
    />
  );
}
