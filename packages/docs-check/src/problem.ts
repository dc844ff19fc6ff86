/** One thing wrong with the docs, at a line of a Markdown file (repo-relative path). */
export interface Problem {
  file: string;
  line: number;
  message: string;
  /** Printed indented under the message: a short diff, for instance. */
  details?: string[];
}

export function formatProblem({ file, line, message, details = [] }: Problem): string {
  return [`${file}:${line}: ${message}`, ...details.map((detail) => `    ${detail}`)].join('\n');
}
