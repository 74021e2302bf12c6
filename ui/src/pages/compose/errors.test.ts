import { describe, expect, it } from "vitest";
import type { AppError_Serialize, ErrorCode } from "../../bindings.gen.ts";
import { deliveryProblem, humanError } from "./errors.ts";

function failure(code: ErrorCode, detail: Partial<NonNullable<AppError_Serialize["detail"]>> = {}): AppError_Serialize {
  return {
    code,
    message: "Sendblue couldn't accept this.",
    detail: { status: null, error_code: null, message: null, field: null, retry_after_ms: null, excerpt: null, ...detail },
  };
}

describe("humanError", () => {
  it("names the common refusals in plain words", () => {
    expect(humanError(failure("Validation", { message: "Recipient is opted out" })).title).toBe("This person opted out of messages");
    expect(humanError(failure("Forbidden")).title).toBe("Not available on your plan");
    expect(humanError(failure("RateLimited", { retry_after_ms: 1500 })).body).toMatch(/Try again in 2 seconds/);
    expect(humanError(failure("Network")).title).toBe("Couldn't reach Sendblue");
    expect(humanError(failure("Validation", { message: "recipient not verified" })).title).toBe("This person isn't verified yet");
    expect(humanError(failure("Validation", { error_code: "ambiguous_sending_line" }), "group").field).toBe("line");
    expect(humanError(failure("Validation", { field: "from_number" })).title).toBe("This line can't send messages");
  });

  it("tells a carousel line refusal from a count problem", () => {
    expect(humanError(failure("Validation", { message: "Carousels can only be sent from a V2 (Mac) line" }), "carousel").title).toBe("This line can't send carousels");
    expect(humanError(failure("Validation", { field: "media_urls", message: "Carousel requires at least 2 media URLs" }), "carousel").title).toBe("Sendblue didn't accept the attachment");
  });
});

describe("deliveryProblem", () => {
  it("explains failed and refused messages by their code", () => {
    expect(deliveryProblem("DELIVERED", null, null, null)).toBeNull();
    expect(deliveryProblem("DECLINED", null, null, true)).toBe("This person opted out of messages, so it wasn't sent.");
    expect(deliveryProblem("DECLINED", 4001, null, null)).toMatch(/sending limit/);
    expect(deliveryProblem("ERROR", 4002, null, null)).toMatch(/can't receive messages/);
    expect(deliveryProblem("ERROR", 10001, "Message failed to send", null)).toBe("It couldn't be delivered: Message failed to send");
  });
});
