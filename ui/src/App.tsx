import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ToastProvider } from "./components/Toast.tsx";
import { useBackendEvents } from "./events.ts";
import { AppShell } from "./layout/AppShell.tsx";
import { AppliedTheme } from "./pages/settings/AppliedTheme.tsx";
import { createQueryClient } from "./queryClient.ts";

export interface AppProps {
  /** Tests pass their own so each starts with empty caches. */
  queryClient?: QueryClient;
}

export function App({ queryClient }: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>
        <BackendEvents />
        <AppliedTheme />
        <AppShell />
      </ToastProvider>
    </QueryClientProvider>
  );
}

function BackendEvents() {
  useBackendEvents();
  return null;
}
