import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HelpOverlay, SHORTCUTS } from "./HelpOverlay";

describe("HelpOverlay", () => {
  it("lists every shortcut on ? and closes on Escape", async () => {
    render(<HelpOverlay />);
    expect(screen.queryByRole("dialog")).toBeNull();
    await userEvent.keyboard("?");
    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    for (const [keys] of SHORTCUTS) expect(dialog.textContent).toContain(keys);
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("does not open while the researcher types a question mark", async () => {
    render(
      <>
        <input aria-label="Name" />
        <HelpOverlay />
      </>,
    );
    await userEvent.type(screen.getByLabelText("Name"), "Who?");
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
