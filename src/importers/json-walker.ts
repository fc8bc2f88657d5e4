/** Where a value sits: keys and array indexes from the root. Reused between calls: copy to keep. */
export type JsonPath = readonly (string | number)[];

/** One packed token of stream-json's Parser (`packValues: true, streamValues: false`). */
export interface JsonToken {
  name: string;
  value?: unknown;
}

type Container = unknown[] | Record<string, unknown>;

/**
 * Turns stream-json tokens into the values `pick` asks for, whole, with their paths; every
 * other container is walked through without being built, so memory stays bounded by the
 * largest picked value. Objects are built without a prototype, so a `__proto__` key stays a
 * plain key. `value` returning true stops the walk (`stopped`).
 */
export class JsonWalker {
  /** Set when `value` asked to stop. */
  stopped = false;
  private readonly path: (string | number)[] = [];
  /** Per walked (not built) container: whether it is an array, and its next index. */
  private readonly arrays: boolean[] = [];
  private readonly counters: number[] = [];
  private key = '';
  /** The value being built, innermost container last, with the key each is filling. */
  private readonly stack: Container[] = [];
  private readonly keys: string[] = [];
  private builtAtRoot = false;

  constructor(
    private readonly pick: (path: JsonPath) => boolean,
    private readonly value: (path: JsonPath, value: unknown) => boolean | undefined,
  ) {}

  /** Feeds one token. */
  token(t: JsonToken): void {
    if (this.stopped) return;
    switch (t.name) {
      case 'keyValue':
        if (this.stack.length > 0) this.keys[this.keys.length - 1] = String(t.value);
        else this.key = String(t.value);
        return;
      case 'stringValue':
        this.scalar(String(t.value));
        return;
      case 'numberValue':
        this.scalar(Number(t.value));
        return;
      case 'nullValue':
        this.scalar(null);
        return;
      case 'trueValue':
        this.scalar(true);
        return;
      case 'falseValue':
        this.scalar(false);
        return;
      case 'startObject':
      case 'startArray':
        this.open(t.name === 'startArray');
        return;
      case 'endObject':
      case 'endArray':
        this.close();
        return;
    }
  }

  /** Pushes the path segment of a value starting in a walked container; false at the root. */
  private enter(): boolean {
    const top = this.arrays.length - 1;
    if (top < 0) return false;
    this.path.push(this.arrays[top] ? this.counters[top]!++ : this.key);
    return true;
  }

  private hand(value: unknown): void {
    if (this.value(this.path, value) === true) this.stopped = true;
  }

  private scalar(v: unknown): void {
    if (this.stack.length > 0) {
      this.add(v);
      return;
    }
    const pushed = this.enter();
    if (this.pick(this.path)) this.hand(v);
    if (pushed) this.path.pop();
  }

  private add(v: unknown): void {
    const top = this.stack[this.stack.length - 1]!;
    if (Array.isArray(top)) top.push(v);
    else top[this.keys[this.keys.length - 1] ?? ''] = v;
  }

  private open(array: boolean): void {
    const made: Container = array ? [] : (Object.create(null) as Record<string, unknown>);
    if (this.stack.length > 0) {
      this.add(made);
      this.stack.push(made);
      this.keys.push('');
      return;
    }
    const pushed = this.enter();
    if (this.pick(this.path)) {
      this.builtAtRoot = !pushed;
      this.stack.push(made);
      this.keys.push('');
    } else {
      this.arrays.push(array);
      this.counters.push(0);
    }
  }

  private close(): void {
    if (this.stack.length > 0) {
      const done = this.stack.pop()!;
      this.keys.pop();
      if (this.stack.length > 0) return;
      this.hand(done);
      if (!this.builtAtRoot) this.path.pop();
      return;
    }
    if (this.arrays.length === 0) return;
    this.arrays.pop();
    this.counters.pop();
    if (this.arrays.length > 0) this.path.pop();
  }
}
