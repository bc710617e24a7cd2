import { useStore } from 'zustand';
import { useServices } from '../app/services';

/** Short messages over the bottom of the canvas; they let the pointer through and go away by themselves. */
export function Toasts() {
  const { ui } = useServices();
  const toasts = useStore(ui, (state) => state.toasts);
  return (
    <div className="stowage-toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`stowage-toast is-${toast.tone}`}>
          {toast.message}
        </div>
      ))}
    </div>
  );
}
