/** The smallest environment a Teams package builds from, with overrides. */
export const BOT_ID = "6f1c2a7e-3b1d-4c55-9a0e-2d8f4b7c9e10";

export function aTeamsEnv(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    MicrosoftAppId: BOT_ID,
    FAIREXIT_PUBLIC_URL: "https://fairexit.example.com",
    TEAMS_DEVELOPER_NAME: "Example Telecom",
    ...overrides,
  };
}
