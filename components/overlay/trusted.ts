/**
 * The QuickBooks page shares the DOM with our chip and can dispatch synthetic clicks on it.
 * Data-changing buttons act only on real user input (`event.isTrusted`).
 */
export function onTrustedClick(action: () => void): (event: Event) => void {
  return (event) => {
    if (event.isTrusted) action();
  };
}
