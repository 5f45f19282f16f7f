// Taking the user to the field a problem is about: the input at its path, else the nearest
// enclosing one (a node list for `nodes[1]`, a card for a whole entry), on whichever page edits it.
import { useRouter } from '../router/router-context.tsx';
import { pageOfPath, pathAndParents } from '../scenario/errors-by-path.ts';

/** How many frames to wait for another page to draw the field before giving up. */
const MAX_FRAMES = 30;

/** What can take focus: inputs, and cards with a tabindex (messages carry no data-path). */
const FOCUSABLE = ':is(input, select, textarea, button, [tabindex])';

/** The element editing `path` or the nearest part containing it, skipping disabled inputs. */
export function findField(path: string): HTMLElement | null {
  for (const p of pathAndParents(path)) {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]${FOCUSABLE}`);
    if (el && !el.matches(':disabled')) return el;
  }
  return null;
}

function focus(el: HTMLElement): void {
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

/** Focuses the field of `path`, first opening its page when this one does not show it. */
export function useFocusField(): (path: string) => void {
  const router = useRouter();
  return (path) => {
    const here = findField(path);
    if (here) return focus(here);
    router.navigate({ page: pageOfPath(path) });
    let frames = 0;
    const tryFocus = () => {
      const el = findField(path);
      if (el) focus(el);
      else if (++frames < MAX_FRAMES) requestAnimationFrame(tryFocus);
    };
    requestAnimationFrame(tryFocus);
  };
}
