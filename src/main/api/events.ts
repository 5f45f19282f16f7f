// The event hub: the run service publishes, transports subscribe and forward to their clients.
import type { ApiEvents, EventName } from '../../shared/api/contract.ts';

type Listener = (event: EventName, payload: ApiEvents[EventName]) => void;

export class EventHub {
  private readonly listeners = new Set<Listener>();

  emit = <E extends EventName>(event: E, payload: ApiEvents[E]): void => {
    for (const l of this.listeners) l(event, payload);
  };

  /** Subscribers now: a transport that failed to start must leave none behind. */
  get nrListeners(): number {
    return this.listeners.size;
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
