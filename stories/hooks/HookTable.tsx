import { Fragment, type ReactNode } from 'react';

/** `code` spans in a sentence: the parts between backticks. */
function Text({ children }: { children: string }) {
  return children.split('`').map((part, index) => (index % 2 ? <code key={index}>{part}</code> : <Fragment key={index}>{part}</Fragment>));
}

/**
 * A hook group's reference table for the MDX pages (MDX without GFM has no Markdown tables). Each row is a hook's
 * columns, with `backticks` for code.
 */
export function HookTable({ head, rows }: { head: string[]; rows: string[][] }): ReactNode {
  return (
    <table>
      <thead>
        <tr>
          {head.map((cell) => (
            <th key={cell}>{cell}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, index) => (
              <td key={index}>
                <Text>{cell}</Text>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
