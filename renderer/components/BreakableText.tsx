import { Fragment } from 'react';

/** After these a login or host may wrap: between its parts, never in the middle of one. */
const breakAfter = /(?<=[@._\-/:+])/;

/**
 * A login or host name that is too long for its line wraps after `@`, `.`, `-` and the like (a `<wbr>`
 * there), the way people read it, instead of mid-word; copying it still gives the text unchanged.
 */
export function BreakableText({ text }: { text: string }) {
  const parts = text.split(breakAfter);
  return (
    <>
      {parts.map((part, index) => (
        // Parts of one string in a fixed order: the index is their identity.
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
