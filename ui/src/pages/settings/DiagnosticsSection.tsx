import { Button } from "../../components/Button.tsx";
import { Card } from "../../components/Card.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useExportDiagnostics } from "../../hooks/useExportDiagnostics.ts";
import { toAppError } from "../../ipc.ts";

/** Settings → Diagnostics: a report for support, without any secret. */
export function DiagnosticsSection() {
  const exportDiagnostics = useExportDiagnostics();
  const toast = useToast();

  async function onExport() {
    try {
      const path = await exportDiagnostics.mutateAsync();
      if (path === null) return;
      toast.show({ tone: "success", title: "Diagnostics saved", body: path });
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't save the diagnostics", body: toAppError(error).message });
    }
  }

  return (
    <Card title="Diagnostics" testId="settings-diagnostics-section">
      <p className="muted card__intro">
        If something goes wrong, save a report to send to support. It lists versions, your
        profiles' names and addresses and the recent log — never a secret key.
      </p>
      <Button data-testid="settings-export-diagnostics" busy={exportDiagnostics.isPending} onClick={() => void onExport()}>
        Export diagnostics
      </Button>
    </Card>
  );
}
