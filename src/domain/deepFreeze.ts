/**
 * Stores hand out the values they hold, frozen, instead of a fresh copy per read: a turn reads
 * the customer, the coverage and the conversation, and copying them every time was a tenth of
 * a turn's cost. Frozen values keep the old guarantee (a caller cannot change what is stored:
 * in strict-mode code, which all ES modules are, a write throws a TypeError) at no cost per read.
 */

/**
 * Values frozen all the way down by this module (only the value handed back is remembered, not
 * everything inside it): sharing them is as safe as copying them.
 */
const deeplyFrozen = new WeakSet<object>();

/** Freezes `value` and everything reachable from it, in place; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  freezeAll(value);
  deeplyFrozen.add(value);
  return value;
}

function freezeAll(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) freezeAll((value as Record<string, unknown>)[key]);
}

/**
 * A deep copy of `value`, frozen: what a store keeps of what it is given. Plain data (objects,
 * arrays, primitives) is copied and frozen in one walk; anything else (a Date, a Map) is
 * copied by `structuredClone` and then frozen. A value this module already froze all the way
 * down is kept as it is: nobody can change it, so a copy would add nothing.
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (deeplyFrozen.has(value)) return value;
  const copy = copyFrozen(value);
  deeplyFrozen.add(copy as object);
  return copy as T;
}

function copyFrozen(value: unknown): unknown {
  if (value === null || typeof value !== "object" || deeplyFrozen.has(value)) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(copyFrozen));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const clone = structuredClone(value);
    freezeAll(clone);
    return clone;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = copyFrozen(v);
  }
  return Object.freeze(out);
}

/**
 * A deep copy of plain data that the caller may change (objects and arrays copied, `undefined`
 * properties dropped as JSON would); anything else (a Date, a Map) goes through
 * `structuredClone`. Several times faster than `structuredClone` on the plain data a
 * conversation's state is.
 */
export function mutableCopy<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(mutableCopy) as T;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = mutableCopy(v);
  }
  return out as T;
}
