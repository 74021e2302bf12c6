import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App.tsx";
import { createQueryClient } from "../queryClient.ts";

/** Renders the whole app at `path` with empty caches. */
export function renderApp(path = "/") {
  window.location.hash = path;
  const queryClient = createQueryClient();
  const user = userEvent.setup();
  const view = render(<App queryClient={queryClient} />);
  return { ...view, user, queryClient };
}
