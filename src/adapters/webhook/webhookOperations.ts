import type { PlannedAction } from "../../domain/decision.js";
import type { ActionResult, Notifier, Operations, OutgoingMessage } from "../../execution/ports.js";
import { type SignedPostOptions, signedPost } from "./signedPost.js";

/** Operations as webhooks: each action kind is POSTed to `<baseUrl>/<kind>`. */
export class WebhookOperations implements Operations {
  constructor(
    private readonly baseUrl: string,
    private readonly options: SignedPostOptions,
  ) {}

  execute(action: PlannedAction): Promise<ActionResult> {
    return signedPost(
      `${this.baseUrl.replace(/\/$/, "")}/${action.kind}`,
      action,
      action.idempotencyKey,
      this.options,
    );
  }
}

/** Messages as webhooks to an SMS / email gateway: POSTed to `<baseUrl>/<channel>`. */
export class WebhookNotifier implements Notifier {
  constructor(
    private readonly baseUrl: string,
    private readonly options: SignedPostOptions,
  ) {}

  send(message: OutgoingMessage): Promise<ActionResult> {
    return signedPost(
      `${this.baseUrl.replace(/\/$/, "")}/${message.channel}`,
      message,
      message.idempotencyKey,
      this.options,
    );
  }
}
