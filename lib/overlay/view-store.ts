/**
 * A minimal state holder for overlay views. The content script avoids @preact/signals, and even
 * preact/hooks, to stay inside its size budget: a view reads a store through `StoreView`, a small
 * class component (core Preact) that re-renders on every change.
 */
import { Component, type ComponentChild } from 'preact';

export interface Store<T> {
  get(): T;
  set(next: T | ((current: T) => T)): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = typeof next === 'function' ? (next as (current: T) => T)(value) : next;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface StoreViewProps<T> {
  store: Store<T>;
  children: (value: T) => ComponentChild;
}

/** Renders `children` with the store's current value, and again whenever the store changes. */
export class StoreView<T> extends Component<StoreViewProps<T>> {
  private unsubscribe: (() => void) | null = null;
  private rendered: { value: T } | null = null;

  private follow(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.props.store.subscribe(() => this.forceUpdate());
    // A change between the first render and now would otherwise be missed.
    if (this.rendered && this.rendered.value !== this.props.store.get()) this.forceUpdate();
  }

  override componentDidMount(): void {
    this.follow();
  }

  override componentDidUpdate(previous: StoreViewProps<T>): void {
    if (previous.store !== this.props.store) this.follow();
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  render(): ComponentChild {
    const value = this.props.store.get();
    this.rendered = { value };
    return this.props.children(value);
  }
}
