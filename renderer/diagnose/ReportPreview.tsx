import type { ReactNode } from 'react';
import { ExternalLinkButton } from '../components/ExternalLinkButton';
import { reportBlocks, type Block, type Inline } from './report-blocks';

/** The support report as a person reads it: headings, lists and the checks table, not Markdown syntax. */
export function ReportPreview({ markdown }: { markdown: string }) {
  return (
    <div className="report-preview" tabIndex={0} role="document" aria-label="Report text">
      {reportBlocks(markdown).map((block, index) => (
        // The blocks of one report in a fixed order: the index is their identity.
        <BlockView key={index} block={block} />
      ))}
    </div>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      // The report sits under the screen's own h2, so its levels start one lower.
      const Heading = (['h3', 'h4', 'h5'] as const)[block.level - 1]!;
      return <Heading><Inlines parts={block.content} /></Heading>;
    }
    case 'paragraph':
      return <p><Inlines parts={block.content} /></p>;
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return <List>{block.items.map((item, index) => <li key={index}><Inlines parts={item} /></li>)}</List>;
    }
    case 'table':
      return (
        <div className="report-table">
          <table>
            <thead><tr>{block.header.map((cell, index) => <th key={index} scope="col"><Inlines parts={cell} /></th>)}</tr></thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>{row.map((cell, index) => <td key={index}><Inlines parts={cell} /></td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

function Inlines({ parts }: { parts: readonly Inline[] }): ReactNode {
  return parts.map((part, index) => {
    switch (part.kind) {
      case 'text': return part.text;
      case 'strong': return <strong key={index}>{part.text}</strong>;
      case 'code': return <code key={index}>{part.text}</code>;
      case 'link': return <ExternalLinkButton key={index} url={part.url} label={part.label} variant="link" />;
    }
  });
}
