// The toasts on screen, newest last; Escape dismisses the newest when focus is on one.
import { For, Show } from 'solid-js';
import { useToast } from './toast-context.tsx';

export function ToastList() {
  const toast = useToast();
  return (
    <div class="toasts" role="status" aria-live="polite">
      <For each={toast.toasts()}>
        {(t) => (
          <div
            class={`toast toast-${t.kind}`}
            data-testid={t.kind === 'error' ? 'error-toast' : 'toast'}
            onKeyDown={(e) => e.key === 'Escape' && toast.dismiss(t.id)}
          >
            <span class="toast-message">{t.message}</span>
            <Show when={t.action}>
              {(action) => (
                <button
                  type="button"
                  class="toast-action"
                  data-testid="toast-action"
                  onClick={() => {
                    toast.dismiss(t.id, true);
                    action().run();
                  }}
                >
                  {action().label}
                </button>
              )}
            </Show>
            <button
              type="button"
              class="toast-close"
              aria-label="Dismiss"
              title="Dismiss"
              onClick={() => toast.dismiss(t.id)}
            >
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
