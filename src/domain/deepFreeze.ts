/**
 * Stores hand out the values they hold, frozen, instead of a fresh copy per read: a turn reads
 * the customer, the coverage and the conversation, and copying them every time was a tenth of
 * a turn's cost. Frozen values keep the old guarantee (a caller cannot change what is stored:
 * in strict-mode code, which all ES modules are, a write throws a TypeError) at no cost per read.
 */
/** Freezes `value` and everything reachable from it, in place; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * A deep copy of `value`, frozen: what a store keeps of what it is given. Plain data (objects,
 * arrays, primitives) is copied and frozen in one walk; anything else (a Date, a Map) is
 * copied by `structuredClone` and then frozen.
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return deepFreeze(structuredClone(value));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = frozenCopy(v);
  }
  return Object.freeze(out) as T;
}
