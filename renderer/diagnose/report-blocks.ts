/**
 * The support report's Markdown read back into blocks for the preview, so a person reads headings,
 * lists and a table instead of `###` and `|`. Only what `report-markdown.ts` writes is understood;
 * anything else is shown as a paragraph, as written. The result is rendered as React elements (never
 * as HTML), so nothing in a report can become markup.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; label: string; url: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] };

export function reportBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length;) {
    const line = lines[index]!;
    const run = (test: (candidate: string) => boolean) => {
      const taken: string[] = [];
      while (index < lines.length && test(lines[index]!)) taken.push(lines[index++]!);
      return taken;
    };
    if (line.trim() === '') {
      index += 1;
    } else if (/^#{1,3} /.test(line)) {
      const level = line.indexOf(' ') as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, content: inlines(line.slice(level + 1)) });
      index += 1;
    } else if (line.startsWith('|')) {
      const rows = run((candidate) => candidate.startsWith('|')).filter((row) => !/^\|(\s*-+\s*\|)+\s*$/.test(row)).map(cells);
      blocks.push({ kind: 'table', header: rows[0] ?? [], rows: rows.slice(1) });
    } else if (/^- /.test(line)) {
      blocks.push({ kind: 'list', ordered: false, items: run((candidate) => /^- /.test(candidate)).map((item) => inlines(item.slice(2))) });
    } else if (/^\d+\. /.test(line)) {
      blocks.push({ kind: 'list', ordered: true, items: run((candidate) => /^\d+\. /.test(candidate)).map((item) => inlines(item.replace(/^\d+\. /, ''))) });
    } else {
      blocks.push({ kind: 'paragraph', content: inlines(run((candidate) => candidate.trim() !== '' && !/^(#{1,3} |\||- |\d+\. )/.test(candidate)).join(' ')) });
    }
  }
  return blocks;
}

/** A table row's cells: split at `|` that are not escaped. */
function cells(row: string): Inline[][] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => inlines(cell.trim()));
}

/** `**strong**`, `` `code` ``, `[label](url)` and backslash escapes; everything else is text. */
export function inlines(text: string): Inline[] {
  const parts: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain !== '') parts.push({ kind: 'text', text: plain });
    plain = '';
  };
  for (let index = 0; index < text.length;) {
    const rest = text.slice(index);
    const link = /^\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/.exec(rest);
    const code = /^`((?:\\.|[^`])*)`/.exec(rest);
    const strong = /^\*\*((?:\\.|[^*])+)\*\*/.exec(rest);
    if (rest[0] === '\\' && rest.length > 1) {
      plain += rest[1];
      index += 2;
    } else if (code) {
      flush();
      parts.push({ kind: 'code', text: unescape(code[1]!) });
      index += code[0].length;
    } else if (strong) {
      flush();
      parts.push({ kind: 'strong', text: unescape(strong[1]!) });
      index += strong[0].length;
    } else if (link) {
      flush();
      parts.push({ kind: 'link', label: unescape(link[1]!), url: link[2]! });
      index += link[0].length;
    } else {
      plain += rest[0];
      index += 1;
    }
  }
  flush();
  return parts;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
