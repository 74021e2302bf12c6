import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "./App.tsx";

describe("App", () => {
  it("shows the product name and says where the pages come from", () => {
    render(<App />);

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sendblue Console");
    expect(screen.getByText("The console's pages arrive with the shell issue.")).toBeTruthy();
  });
});
