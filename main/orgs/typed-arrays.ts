/** Growing the tree's typed-array columns: a larger copy, new cells filled with `fill`. */

export function grownInt32(array: Int32Array, capacity: number, fill = -1): Int32Array {
  const next = new Int32Array(capacity).fill(fill);
  next.set(array);
  return next;
}

export function grownUint8(array: Uint8Array, capacity: number): Uint8Array {
  const next = new Uint8Array(capacity);
  next.set(array);
  return next;
}

export function grownUint16(array: Uint16Array, capacity: number): Uint16Array {
  const next = new Uint16Array(capacity);
  next.set(array);
  return next;
}
