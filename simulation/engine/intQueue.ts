/** A growable FIFO ring of non-negative integers (request or event ids). */
export class IntQueue {
  private buf: Int32Array;
  private head = 0;
  length = 0;

  constructor(capacity = 16) {
    this.buf = new Int32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = v;
    this.length++;
  }

  /** Removes and returns the oldest value; -1 when empty. */
  shift(): number {
    if (this.length === 0) return -1;
    const v = this.buf[this.head];
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return v;
  }

  /** The oldest value without removing it; -1 when empty. */
  peek(): number {
    return this.length === 0 ? -1 : this.buf[this.head];
  }

  private grow(): void {
    // Capacity stays a power of two so the index wraps with a mask.
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.buf[(this.head + i) & (this.buf.length - 1)];
    this.buf = next;
    this.head = 0;
  }
}
