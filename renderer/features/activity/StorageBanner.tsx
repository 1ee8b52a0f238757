/**
 * Problems with the sharing records on disk: a damaged outbox or journal file is moved aside
 * (quarantined) and reported here rather than silently reset.
 */
import type { LoadProblem } from '../../../preload/contract';
import { AlertIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';

const KIND: Readonly<Record<LoadProblem['kind'], string>> = {
  corrupt: 'was damaged and set aside',
  'restored-from-backup': 'was damaged; the backup copy was used',
  unrecoverable: 'was damaged and could not be restored',
};

export function StorageBanner({
  problems,
}: {
  problems: readonly LoadProblem[];
}): React.JSX.Element | null {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="activity-storage-banner">
      <AlertIcon />
      <div>
        <p className="activity-storage-title">Sharing records had problems when they were read</p>
        <ul>
          {problems.map((problem, index) => (
            <li key={`${problem.file}-${index}`}>
              <SafeText value={problem.file} /> {KIND[problem.kind]}
              {problem.quarantinedTo ? (
                <>
                  ; the damaged file was kept as <SafeText value={problem.quarantinedTo} />
                </>
              ) : null}
              . <SafeText value={problem.detail} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
