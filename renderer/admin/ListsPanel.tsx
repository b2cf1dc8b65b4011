import { useLang } from '../i18n';
import { CodeListEditor } from './CodeListEditor';

/** The office's own lists: rating reasons, priority groups and counter pause reasons. */
export function ListsPanel() {
  const { t } = useLang();
  return (
    <div className="admin-columns">
      <CodeListEditor field="priorityGroups" title={t.listPriorityGroups} help={t.listPriorityGroupsHelp} min={0} max={20} />
      <CodeListEditor field="ratingReasons" title={t.listRatingReasons} help={t.listRatingReasonsHelp} min={0} max={30} />
      <CodeListEditor field="pauseReasons" title={t.listPauseReasons} help={t.listPauseReasonsHelp} min={1} max={20} />
    </div>
  );
}
