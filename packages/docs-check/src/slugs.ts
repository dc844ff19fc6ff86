import { proseLines } from './code-fences';

/** GitHub's anchor for a heading's text: lower case, punctuation removed, spaces → `-`. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** A heading's text as GitHub renders it: no code marks, emphasis, link targets or tags. */
export function headingText(markdown: string): string {
  return markdown
    .split(/(`+[^`]*`+)/)
    .map((part, index) => (index % 2 === 1 ? part.replace(/^`+|`+$/g, '') : plainText(part)))
    .join('');
}

function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\*+|~~/g, '')
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1');
}

/** Every anchor a Markdown file offers: its headings' slugs (`-1`, `-2` for repeats), `<a id>`. */
export function anchorsOf(markdown: string): Set<string> {
  const lines = proseLines(markdown.split('\n'));
  const anchors = new Set<string>();
  const occurrences = new Map<string, number>();
  const addHeading = (text: string) => {
    const slug = slugify(headingText(text));
    let unique = slug;
    while (anchors.has(unique)) {
      const count = (occurrences.get(slug) ?? 0) + 1;
      occurrences.set(slug, count);
      unique = `${slug}-${count}`;
    }
    anchors.add(unique);
  };
  lines.forEach((line, index) => {
    const heading = headingOf(line, lines[index + 1]);
    if (heading !== undefined) addHeading(heading);
    for (const [, id = ''] of line.matchAll(/<a\s[^>]*\b(?:id|name)=["']([^"']+)["']/g)) {
      anchors.add(id);
    }
  });
  return anchors;
}

const atxHeading = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** The text of the heading on this line: `# Text`, or `Text` underlined by `===` / `---`. */
function headingOf(line: string, next: string | undefined): string | undefined {
  const atx = atxHeading.exec(line);
  if (atx) return atx[1] ?? '';
  const isParagraph = line.trim() !== '' && !/^\s*(?:[|>]|[-*+] |\d+[.)] )/.test(line);
  return isParagraph && next !== undefined && setextUnderline.test(next) ? line : undefined;
}
