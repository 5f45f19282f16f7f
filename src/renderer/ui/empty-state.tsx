// What an empty list or panel says: what it will show, and what to do next.
import type { JSX, ParentProps } from 'solid-js';

export function EmptyState(props: ParentProps<{ title: string; testid?: string; action?: JSX.Element }>) {
  return (
    <div class="empty-state" data-testid={props.testid ?? 'empty-state'}>
      <strong>{props.title}</strong>
      <p>{props.children}</p>
      {props.action}
    </div>
  );
}
