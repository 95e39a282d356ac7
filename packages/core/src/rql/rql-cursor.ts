import { invalidRql, syntaxErrorMessage } from './rql-error.js';

const WHITESPACE = ' \n\r\t\f';

/**
 * Input position plus the "furthest failure" bookkeeping of a PEG parser: every failed expectation is
 * recorded, and a syntax error is reported at the furthest position any expectation failed, listing
 * everything that was expected there.
 */
export class RqlCursor {
  pos = 0;
  private failPos = -1;
  private expected: string[] = [];

  constructor(readonly input: string) {}

  /** Records that `what` was expected at `at`. */
  fail(at: number, what: string): void {
    if (at > this.failPos) {
      this.failPos = at;
      this.expected = [what];
    } else if (at === this.failPos && !this.expected.includes(what)) {
      this.expected.push(what);
    }
  }

  /** The character at the current position, or `undefined` at the end. */
  peek(offset = 0): string | undefined {
    const index = this.pos + offset;
    return index < this.input.length ? this.input.charAt(index) : undefined;
  }

  /** Consumes `c` if it is next; otherwise records the expectation under `label`. */
  accept(c: string, label = `'${c}'`): boolean {
    if (this.input.charAt(this.pos) === c && this.pos < this.input.length) {
      this.pos++;
      return true;
    }
    this.fail(this.pos, label);
    return false;
  }

  /** Skips whitespace; the expectation of more whitespace is recorded where it stops. */
  skipWhitespace(label = 'WhiteSpace'): void {
    while (this.pos < this.input.length && WHITESPACE.includes(this.input.charAt(this.pos))) this.pos++;
    this.fail(this.pos, label);
  }

  /**
   * Whether `word` starts at the current position (not consumed). A partial match records the
   * first mismatching character as expected, as a character-wise PEG match would.
   */
  lookingAt(word: string): boolean {
    for (let k = 0; k < word.length; k++) {
      if (this.input.charAt(this.pos + k) !== word.charAt(k) || this.pos + k >= this.input.length) {
        if (k > 0) this.fail(this.pos + k, `'${word.charAt(k)}'`);
        return false;
      }
    }
    return true;
  }

  /** The error for the furthest recorded failure. */
  error(): Error {
    const at = Math.max(this.failPos, 0);
    return invalidRql(syntaxErrorMessage(this.input, at, this.expected));
  }

  /** An error at the current position with a specific reason instead of the expectation list. */
  errorHere(reason: string, at = this.pos): Error {
    return invalidRql(syntaxErrorMessage(this.input, at, [], reason));
  }
}
