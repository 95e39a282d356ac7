/** A comparable candidate or value: JSON scalars (`null` = JSON null). */
export type Scalar = string | number | boolean | null;

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const LONG_LIMIT = 2 ** 63;

/** The number a string denotes in decimal notation (exponent allowed), or `undefined`. */
function numericValue(text: string): number | undefined {
  return NUMERIC_TEXT.test(text) ? Number(text) : undefined;
}

function isLong(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < LONG_LIMIT;
}

/** Java's `Double.toString` for finite doubles (the text `like` matches numbers against). */
function javaDoubleText(d: number): string {
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(d);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa = '', exponent = '0'] = d.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** The text of a JSON number as Ditto renders it for `like` (integers plain, doubles Java-style). */
export function numberText(n: number, integer = isLong(n)): string {
  return integer && isLong(n) ? String(n) : javaDoubleText(n);
}

/** The text a number has when compared as a string with a value of another type (Java `BigDecimal`). */
function decimalText(n: number, integer: boolean): string {
  const text = numberText(n, integer);
  const e = text.indexOf('E');
  if (e < 0) return text.startsWith('-0.0') || text === '0.0' ? '0.0' : text;
  const mantissa = text.slice(0, e);
  const exponent = Number(text.slice(e + 1));
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const scale = digits.length - 1 - exponent;
  if (scale >= 0 && exponent >= -6) {
    const padded = exponent < 0 ? `0.${'0'.repeat(-exponent - 1)}${digits}` : digits.slice(0, exponent + 1) + (scale > 0 ? `.${digits.slice(exponent + 1)}` : '');
    return (negative ? '-' : '') + padded;
  }
  return `${mantissa}E${exponent > 0 ? '+' : ''}${exponent}`;
}

function textOf(value: string | number | boolean, integer: boolean): string {
  if (typeof value === 'number') return decimalText(value, integer);
  return String(value);
}

function sign(a: number | string | boolean, b: number | string | boolean): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ditto's ordering of a (non-null) candidate against a (non-null) value: the sign of
 * `candidate - value`. Numbers and numeric strings compare numerically, same types naturally
 * (strings by UTF-16 code units, `false < true`), other mixes by their text.
 * `valueIsInteger` says whether a numeric value was written as an integer.
 */
export function compareScalars(candidate: string | number | boolean, value: string | number | boolean, valueIsInteger: boolean): number {
  if (typeof candidate === 'number' && typeof value === 'string') {
    const n = numericValue(value);
    if (n !== undefined) return sign(candidate, n);
  } else if (typeof candidate === 'string' && typeof value === 'number') {
    const n = numericValue(candidate);
    if (n !== undefined) return sign(n, value);
  }
  if (typeof candidate === typeof value) return sign(candidate, value);
  return sign(textOf(candidate, typeof candidate === 'number' && isLong(candidate)), textOf(value, valueIsInteger));
}
