/** A status line under a button: empty until there is something to say; announced politely. */
export function NoticeLine({ notice, testId }: { notice: { kind: string; text: string } | null; testId: string }) {
  return (
    <p class={`notice${notice ? ` notice--${notice.kind}` : ''}`} data-testid={testId} role="status" aria-live="polite">
      {notice?.text ?? ''}
    </p>
  );
}
