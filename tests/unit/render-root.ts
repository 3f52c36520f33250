/**
 * A fresh element in the document for every test of a file, emptied and removed after it, so
 * component tests render into a clean page. Returns how to reach the current test's element.
 */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

export function renderRoot(): () => HTMLElement {
  let root!: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return () => root;
}
