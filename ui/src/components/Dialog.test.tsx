import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Button } from "./Button.tsx";
import { Dialog } from "./Dialog.tsx";

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Are you sure?" description="It can't be undone." footer={
        <>
          <Button onClick={() => setOpen(false)}>First</Button>
          <Button>Last</Button>
        </>
      } />
    </>
  );
}

describe("Dialog", () => {
  it("is a labelled modal that keeps Tab inside, closes on Esc and returns focus", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole("button", { name: "Open" });

    await user.click(opener);
    const dialog = screen.getByRole("dialog", { name: "Are you sure?" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(dialog.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.activeElement?.textContent).toBe("First");

    await user.tab();
    expect(document.activeElement?.textContent).toBe("Last");
    await user.tab();
    expect(document.activeElement?.textContent).toBe("First");
    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe("Last");

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("can be a side panel along the right edge", () => {
    render(
      <Dialog open side onClose={() => undefined} title="Edit contact">
        <input aria-label="Name" />
      </Dialog>,
    );
    const dialog = screen.getByRole("dialog", { name: "Edit contact" });
    expect(dialog.classList.contains("dialog--side")).toBe(true);
    expect(dialog.parentElement!.classList.contains("dialog-backdrop--side")).toBe(true);
  });
});
