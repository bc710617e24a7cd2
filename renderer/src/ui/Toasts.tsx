import { useStore } from 'zustand';
import { useServices } from '../app/services';

export function Toasts() {
  const { ui } = useServices();
  const toasts = useStore(ui, (state) => state.toasts);
  return (
    <div className="stowage-toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`stowage-toast is-${toast.tone}`} onClick={() => ui.getState().dismissToast(toast.id)}>
          {toast.message}
        </div>
      ))}
    </div>
  );
}
