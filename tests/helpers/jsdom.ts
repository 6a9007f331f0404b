/** What jsdom lacks and Fluent UI uses: a ResizeObserver that observes nothing (layout is not computed here). */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = globalThis as unknown as { ResizeObserver?: unknown };
if (!w.ResizeObserver) w.ResizeObserver = NoResizeObserver;
