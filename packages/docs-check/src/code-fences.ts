/** A fenced code block: the indexes (from 0) of its opening and closing fence lines. */
export interface CodeFence {
  open: number;
  /** The closing fence, or the line count when the block runs to the end of the file. */
  close: number;
  /** The whitespace before the opening fence, which the block's lines share. */
  indent: string;
}

const openingFence = /^(\s*)(`{3,}|~{3,})([^`]*)$/;

export function findCodeFences(lines: string[]): CodeFence[] {
  const fences: CodeFence[] = [];
  for (let open = 0; open < lines.length; open++) {
    const match = openingFence.exec(lines[open] ?? '');
    if (!match) continue;
    const [, indent = '', marker = ''] = match;
    const closing = new RegExp(
      `^\\s*${marker.startsWith('`') ? '`' : '~'}{${marker.length},}\\s*$`,
    );
    let close = open + 1;
    while (close < lines.length && !closing.test(lines[close] ?? '')) close++;
    fences.push({ open, close, indent });
    open = close;
  }
  return fences;
}

/** The lines with every fenced block (fences included) blanked, so line numbers still hold. */
export function proseLines(lines: string[]): string[] {
  const prose = [...lines];
  for (const { open, close } of findCodeFences(lines)) {
    for (let index = open; index <= close && index < prose.length; index++) prose[index] = '';
  }
  return prose;
}
