// The page at /: Microsoft's Web Chat (served from the botframework-webchat package) talking to
// FairExit's own Direct Line endpoint by polling, with an anonymous token for this visit.
(async () => {
  const host = document.getElementById("webchat");
  const personButton = document.getElementById("talk-to-person");
  const showProblem = (text) => {
    host.replaceChildren(Object.assign(document.createElement("p"), { role: "alert", textContent: text }));
  };
  let session;
  try {
    const response = await fetch("/api/webchat/token", { method: "POST" });
    if (!response.ok) throw new Error(`token request failed with ${response.status}`);
    session = await response.json();
  } catch {
    showProblem("The chat could not start. Please reload the page, or contact us by phone or in writing.");
    return;
  }
  const store = window.WebChat.createStore();
  const directLine = window.WebChat.createDirectLine({
    token: session.token,
    domain: `${window.location.origin}/v3/directline`,
    webSocket: false,
    pollingInterval: 500,
  });
  host.replaceChildren();
  window.WebChat.renderWebChat(
    {
      directLine,
      store,
      userID: session.userId,
      username: "You",
      locale: document.documentElement.lang || "en",
      styleOptions: {
        botAvatarInitials: "Bot",
        userAvatarInitials: "You",
        hideUploadButton: true,
        sendBoxTextWrap: true,
        suggestedActionLayout: "flow",
        accent: "#005a64",
      },
    },
    host,
  );
  // A language-neutral request: the bot answers it as its own "talk to a person" button in the
  // conversation's language, so a German chat stays German (see src/channels/respondToActivity.ts).
  personButton.addEventListener("click", () => {
    store.dispatch({
      type: "WEB_CHAT/SEND_MESSAGE_BACK",
      payload: { value: { request: "talk_to_person" }, displayText: personButton.textContent },
    });
  });
})();
