/**
 * Multi-line server text (a JSON body, a curl command) shown as text: each line through
 * SafeText, which marks invisible characters, with the line breaks themselves kept.
 */
import { Fragment } from 'react';
import { SafeText } from '../../ui/SafeText';

export function SafeLines({ value }: { value: string }): React.JSX.Element {
  return (
    <>
      {value.split('\n').map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? '\n' : null}
          <SafeText value={line} />
        </Fragment>
      ))}
    </>
  );
}
