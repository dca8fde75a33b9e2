// One string object per distinct value, within one data set: a host's 50,000 LUNs repeat a handful of values (the host
// ID, portal addresses, targets, vendors, "2 of 2 active", "500 GiB"), and each parsed or formatted copy was a heap
// object of its own that every major garbage collection walks (a heap snapshot of huge-san's LUN step: 928,000
// strings, 540,000 of them copies of 38 values; decision 058). Only for values with few distinct ones: a unique value
// (a LUN ID, a serial) gains nothing.

/** A function that returns the first string it was given equal to its argument (`undefined` passes through). */
export function interner(): <T extends string | undefined>(s: T) => T {
  const seen = new Map<string, string>();
  return <T extends string | undefined>(s: T): T => {
    if (s === undefined) return s;
    const kept = seen.get(s);
    if (kept !== undefined) return kept as T;
    seen.set(s, s);
    return s;
  };
}
