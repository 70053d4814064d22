/**
 * Option value parsers for commander that fail with a message naming the option.
 */
import { InvalidArgumentError } from 'commander';

export function parseIntegerOption(name: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isInteger(number)) throw new InvalidArgumentError(`${name} takes an integer, got "${value}"`);
    return number;
  };
}

export function parseNumberOption(name: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) throw new InvalidArgumentError(`${name} takes a number, got "${value}"`);
    return number;
  };
}
