/**
 * Just enough of a formula engine to tell values apart: plain arithmetic on numbers and a
 * single string literal evaluate; anything that names a function or a cell reads "#NAME?";
 * what does not parse reads "#ERROR!". Tests look at getFormulas to see that text WAS taken
 * as a formula; the value only needs to be recognisably not the text that was written.
 */
export function evaluateFormula(body: string): string | number {
  const text = body.trim();
  const literal = /^"((?:[^"]|"")*)"$/.exec(text);
  if (literal) return (literal[1] ?? '').replaceAll('""', '"');
  if (/[A-Za-z_]/.test(text)) return '#NAME?';
  try {
    const parser = new ArithmeticParser(text);
    const value = parser.parse();
    return Number.isFinite(value) ? value : '#DIV/0!';
  } catch {
    return '#ERROR!';
  }
}

class ArithmeticParser {
  private readonly tokens: string[];
  private pos = 0;

  constructor(text: string) {
    this.tokens = text.match(/\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[-+*/()]|\S/g) ?? [];
  }

  parse(): number {
    const value = this.sum();
    if (this.pos !== this.tokens.length) throw new Error('trailing input');
    return value;
  }

  private sum(): number {
    let value = this.product();
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.pos++;
      const rhs = this.product();
      value = op === '+' ? value + rhs : value - rhs;
    }
    return value;
  }

  private product(): number {
    let value = this.unary();
    for (let op = this.peek(); op === '*' || op === '/'; op = this.peek()) {
      this.pos++;
      const rhs = this.unary();
      value = op === '*' ? value * rhs : value / rhs;
    }
    return value;
  }

  private unary(): number {
    const op = this.peek();
    if (op === '+' || op === '-') {
      this.pos++;
      const value = this.unary();
      return op === '-' ? -value : value;
    }
    return this.atom();
  }

  private atom(): number {
    const token = this.tokens[this.pos++];
    if (token === '(') {
      const value = this.sum();
      if (this.tokens[this.pos++] !== ')') throw new Error('missing )');
      return value;
    }
    if (token === undefined || !/^\d/.test(token)) throw new Error(`unexpected ${token}`);
    return Number(token);
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }
}
