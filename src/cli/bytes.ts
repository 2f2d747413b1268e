import { InvalidArgumentError } from 'commander';

const units: Record<string, number> = {
  '': 1,
  b: 1,
  k: 2 ** 10,
  kb: 2 ** 10,
  kib: 2 ** 10,
  m: 2 ** 20,
  mb: 2 ** 20,
  mib: 2 ** 20,
  g: 2 ** 30,
  gb: 2 ** 30,
  gib: 2 ** 30,
};

/** `--max-memory 512M`: a byte count, with an optional binary unit (K, M, G; KiB, MiB, GiB). */
export function parseBytes(flag: string, min: number) {
  return (value: string): number => {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
    const unit = m ? units[m[2].toLowerCase()] : undefined;
    if (!m || unit === undefined)
      throw new InvalidArgumentError(`--${flag}: '${value}' is not a size (e.g. 512M, 2G, 1048576)`);
    const bytes = Math.floor(Number(m[1]) * unit);
    if (bytes < min)
      throw new InvalidArgumentError(`--${flag}: ${value} is below the least that works, ${min / 2 ** 20} MiB`);
    return bytes;
  };
}
