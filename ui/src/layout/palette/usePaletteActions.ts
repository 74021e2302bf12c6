import { useMemo } from "react";
import { useToast } from "../../components/Toast.tsx";
import { useExportDiagnostics } from "../../hooks/useExportDiagnostics.ts";
import { useMirrorRefresh } from "../../hooks/useMirrorRefresh.ts";
import { useSwitchProfile } from "../../hooks/useSwitchProfile.ts";
import { toAppError } from "../../ipc.ts";
import { navigate } from "../../router.ts";
import type { PaletteActions } from "./entries.ts";

/** The palette's actions, run through the same hooks the pages use; each result is a toast. */
export function usePaletteActions(): PaletteActions {
  const toast = useToast();
  const refresh = useMirrorRefresh();
  const switchProfile = useSwitchProfile();
  const diagnostics = useExportDiagnostics();
  const { mutateAsync: refreshAsync } = refresh;
  const { mutateAsync: switchAsync } = switchProfile;
  const { mutateAsync: diagnosticsAsync } = diagnostics;

  return useMemo(
    () => ({
      navigate,
      refreshContacts: () => {
        refreshAsync().then(
          () => toast.show({ tone: "info", title: "Refreshing contacts…", body: "The Contacts page shows the progress." }),
          (error: unknown) => toast.show({ tone: "error", title: "Couldn't refresh the contacts", body: toAppError(error).message }),
        );
      },
      switchProfile: (profile) => {
        switchAsync(profile.id).then(
          (view) => toast.show({ tone: "success", title: `Switched to ${view.profile.name}` }),
          (error: unknown) => toast.show({ tone: "error", title: `Couldn't switch to ${profile.name}`, body: toAppError(error).message }),
        );
      },
      exportDiagnostics: () => {
        diagnosticsAsync().then(
          (path) => {
            if (path) toast.show({ tone: "success", title: "Diagnostics saved", body: path });
          },
          (error: unknown) => toast.show({ tone: "error", title: "Couldn't export diagnostics", body: toAppError(error).message }),
        );
      },
    }),
    [toast, refreshAsync, switchAsync, diagnosticsAsync],
  );
}
