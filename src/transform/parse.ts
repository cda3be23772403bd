import { Parser, type Comment, type Program, type Options } from 'acorn';

export type SourceType = 'module' | 'script' | 'commonjs';

/** A source the parser cannot read; names the file, line and column. */
export class PrepareError extends SyntaxError {
  constructor(
    readonly filename: string,
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super(`${filename}:${line}:${column}: ${reason}`);
    this.name = 'PrepareError';
  }
  readonly code = 'ERR_KHEIRON_PARSE';
}

export interface Parsed {
  ast: Program;
  comments: Comment[];
}

/** Parses with acorn, keeping parentheses so that expression bodies can be wrapped exactly. */
export function parse(source: string, filename: string, sourceType: SourceType): Parsed {
  const comments: Comment[] = [];
  const options: Options = {
    ecmaVersion: 'latest',
    sourceType: sourceType === 'module' ? 'module' : 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: sourceType === 'commonjs',
    allowAwaitOutsideFunction: false,
    preserveParens: true,
    locations: false,
    onComment: comments,
  };
  try {
    return { ast: Parser.parse(source, options) as Program, comments };
  } catch (error) {
    const e = error as SyntaxError & { loc?: { line: number; column: number } };
    const reason = e.message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new PrepareError(filename, e.loc?.line ?? 0, (e.loc?.column ?? 0) + 1, reason);
  }
}
