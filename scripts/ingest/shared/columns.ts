type TypedArray = Float64Array | Int32Array | Uint32Array | Uint8Array
type TypedArrayOf<A extends TypedArray> = { new (length: number): A }

/**
 * A growable column of numbers in one typed array: what the main thread
 * keeps per article or per input file, at 1–8 bytes a value instead of a
 * property of an object (docs/decisions/026). Doubles when full.
 */
export class Column<A extends TypedArray> {
  private values: A
  private readonly make: TypedArrayOf<A>
  length = 0

  constructor(make: TypedArrayOf<A>, capacity = 1024) {
    this.make = make
    this.values = new make(Math.max(1, capacity))
  }

  /** Appends `value` and returns its index. */
  push(value: number): number {
    if (this.length === this.values.length) this.grow(this.length * 2)
    this.values[this.length] = value
    return this.length++
  }

  get(index: number): number {
    return this.values[index]
  }

  set(index: number, value: number): void {
    this.values[index] = value
  }

  /** The values so far, as a view (valid until the next push). */
  view(): A {
    return this.values.subarray(0, this.length) as A
  }

  private grow(capacity: number): void {
    const next = new this.make(capacity)
    next.set(this.values)
    this.values = next
  }
}

/** A column of Float64 values (dates, file offsets beyond 4 GiB). */
export const float64Column = (capacity?: number) =>
  new Column(Float64Array, capacity)

/** A column of Uint32 values (indices, lengths). */
export const uint32Column = (capacity?: number) =>
  new Column(Uint32Array, capacity)

/** A column of Int32 values (indices with -1 and -2 as markers). */
export const int32Column = (capacity?: number) =>
  new Column(Int32Array, capacity)

/** A column of bytes (flags). */
export const uint8Column = (capacity?: number) =>
  new Column(Uint8Array, capacity)
